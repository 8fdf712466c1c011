/**
 * A fault while drawing the window shows what happened and the way back (try again,
 * reload) with details for a ticket, instead of leaving a blank window. React offers
 * this only as a class component.
 */
import { Body1, Button, Caption1, Field, makeStyles, Textarea, tokens, typographyStyles } from '@fluentui/react-components';
import { ArrowClockwise20Regular, Copy20Regular, ErrorCircle24Filled } from '@fluentui/react-icons';
import { Component, useEffect, useRef, useState, type ErrorInfo, type ReactNode } from 'react';
import { copyText } from '../clipboard';

interface Fault {
  error: unknown;
  at: Date;
  /** Where in the window it happened; known once React has reported it. */
  componentStack?: string;
}

interface ErrorBoundaryProps {
  children: ReactNode;
  /** Reloads the window; tests pass their own. */
  reload?: () => void;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, { fault: Fault | null }> {
  override state: { fault: Fault | null } = { fault: null };

  static getDerivedStateFromError(error: unknown): { fault: Fault } {
    return { fault: { error, at: new Date() } };
  }

  override componentDidCatch(_error: unknown, info: ErrorInfo): void {
    this.setState(({ fault }) => ({ fault: fault && { ...fault, componentStack: info.componentStack ?? undefined } }));
  }

  override render(): ReactNode {
    const { fault } = this.state;
    if (!fault) return this.props.children;
    return (
      <WindowFault fault={fault} onTryAgain={() => this.setState({ fault: null })} onReload={this.props.reload ?? (() => window.location.reload())} />
    );
  }
}

const useStyles = makeStyles({
  page: { display: 'grid', placeItems: 'center', minHeight: '100vh', padding: tokens.spacingHorizontalXXL, boxSizing: 'border-box' },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px', width: '100%' },
  icon: { color: tokens.colorPaletteRedForeground1 },
  heading: { ...typographyStyles.subtitle1, margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  details: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

/** Plain text for a ticket: when, what, and where in the window. */
export function faultDetailsText(fault: Fault): string {
  const { error } = fault;
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return [
    'Anycast Manager window fault',
    `Time: ${fault.at.toISOString()}`,
    `Error: ${what}`,
    ...(error instanceof Error && error.stack ? ['Stack:', error.stack] : []),
    ...(fault.componentStack ? ['Components:', fault.componentStack.trim()] : []),
  ].join('\n');
}

function WindowFault({ fault, onTryAgain, onReload }: { fault: Fault; onTryAgain: () => void; onReload: () => void }) {
  const styles = useStyles();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const details = faultDetailsText(fault);

  // The view the person was using is gone: focus goes to what replaced it.
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <main className={styles.page}>
      <div className={styles.panel}>
        <ErrorCircle24Filled className={styles.icon} aria-hidden="true" />
        <h1 className={styles.heading} ref={headingRef} tabIndex={-1}>
          This view of Anycast Manager stopped working
        </h1>
        <Body1 role="alert">
          Something went wrong while drawing the window, so it could not go on showing this view. Addresses already added or
          removed stay as they are: the fault was in the window, not in the changes.
        </Body1>
        <Body1>Try again to draw the view once more. If the same thing happens, reload the window; it reads the computer afresh.</Body1>
        <div className={styles.actions}>
          <Button appearance="primary" onClick={onTryAgain}>
            Try again
          </Button>
          <Button icon={<ArrowClockwise20Regular />} onClick={onReload}>
            Reload the window
          </Button>
          <Button icon={<Copy20Regular />} onClick={() => void copyText(details).then(setCopied)}>
            Copy details
          </Button>
          <Caption1 role="status">
            {copied === true && 'Copied'}
            {copied === false && 'Copying is not available here: select the details below and press Ctrl+C.'}
          </Caption1>
        </div>
        <Field label="Details for a ticket">
          <Textarea className={styles.details} value={details} readOnly rows={8} resize="vertical" />
        </Field>
      </div>
    </main>
  );
}
