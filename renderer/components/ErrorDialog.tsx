/**
 * Every failed reply, told from its AppError: what happened, why, what to do, and
 * the Windows facts a ticket needs, with a way to copy them. A warning that came with
 * a success (a change made but not on record) is told the same way, marked as a warning.
 */
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { Checkmark16Regular, Copy20Regular, ErrorCircle24Filled, Warning24Filled } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { errorDetailsText } from '../../app/error-catalogue';
import type { AppError } from '../../app/model';

const useStyles = makeStyles({
  surface: { maxWidth: '560px' },
  title: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  titleIcon: { color: tokens.colorPaletteRedForeground1, flexShrink: 0 },
  warningIcon: { color: tokens.colorPaletteDarkOrangeForeground1, flexShrink: 0 },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  sectionHeading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  paragraph: { margin: 0 },
  subject: { color: tokens.colorNeutralForeground3 },
  details: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
  copied: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS, color: tokens.colorPaletteGreenForeground1, whiteSpace: 'nowrap' },
  // "Copied" appearing beside the buttons must not squeeze Copy details onto two lines.
  noWrap: { whiteSpace: 'nowrap', flexShrink: 0 },
  fallback: { fontFamily: tokens.fontFamilyMonospace },
  actions: { alignItems: 'center' },
});

interface ErrorDialogProps {
  error: AppError | null;
  /** 'warning': the request was carried out, and this is what the person must know about it. */
  tone?: 'error' | 'warning';
  /** The computer's name for the ticket text, once the status has been read. */
  machine?: string;
  onClose: () => void;
}

/** The outcome of Copy details, tied to the error it was for so a new error starts afresh. */
interface CopyOutcome {
  error: AppError;
  copied: boolean;
  text: string;
}

export function ErrorDialog({ error, tone = 'error', machine, onClose }: ErrorDialogProps) {
  const styles = useStyles();
  const closeRef = useRef<HTMLButtonElement>(null);
  const fallbackRef = useRef<HTMLTextAreaElement>(null);
  const [outcome, setOutcome] = useState<CopyOutcome | null>(null);
  const copy = outcome && outcome.error === error ? outcome : null;

  // Fluent focuses the first button; Close is the safe default for a message the user reads and dismisses.
  useEffect(() => {
    if (error) closeRef.current?.focus();
  }, [error]);

  const copyFailed = copy !== null && !copy.copied;
  useEffect(() => {
    if (!copyFailed) return;
    fallbackRef.current?.focus();
    fallbackRef.current?.select();
  }, [copyFailed]);

  const copyDetails = async () => {
    if (!error) return;
    const text = errorDetailsText(error, { hostname: machine, when: new Date() });
    try {
      await navigator.clipboard.writeText(text);
      setOutcome({ error, copied: true, text });
    } catch {
      setOutcome({ error, copied: false, text });
    }
  };

  return (
    <Dialog open={error !== null} modalType="alert" onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface}>
        {error && (
          <DialogBody>
            <DialogTitle className={styles.title}>
              {tone === 'warning' ? (
                <Warning24Filled className={styles.warningIcon} aria-hidden="true" />
              ) : (
                <ErrorCircle24Filled className={styles.titleIcon} aria-hidden="true" />
              )}
              {error.title}
            </DialogTitle>
            <DialogContent className={styles.content}>
              {(error.address || error.interfaceLabel) && (
                <Caption1 className={styles.subject}>
                  {[error.address, error.interfaceLabel].filter(Boolean).join(' on ')}
                </Caption1>
              )}
              <Section heading="What happened" text={error.what} />
              <Section heading="Why" text={error.why} />
              <Section heading="What to do" text={error.todo} />
              <div className={styles.section}>
                <h3 className={styles.sectionHeading}>Details</h3>
                <p className={styles.details}>
                  {error.code} · {error.symbol} — {error.systemMessage}
                </p>
              </div>
              {copy && !copy.copied && (
                <Field
                  label="Error details"
                  hint="Copying to the clipboard is not available here. The details are selected: press Ctrl+C to copy them."
                >
                  <Textarea ref={fallbackRef} className={styles.fallback} value={copy.text} readOnly rows={6} resize="vertical" />
                </Field>
              )}
            </DialogContent>
            <DialogActions className={styles.actions}>
              <span role="status">
                {copy?.copied && (
                  <Caption1 className={styles.copied}>
                    <Checkmark16Regular aria-hidden="true" />
                    Copied
                  </Caption1>
                )}
              </span>
              <Button className={styles.noWrap} icon={<Copy20Regular />} onClick={() => void copyDetails()}>
                Copy details
              </Button>
              <Button ref={closeRef} appearance="primary" onClick={onClose}>
                Close
              </Button>
            </DialogActions>
          </DialogBody>
        )}
      </DialogSurface>
    </Dialog>
  );
}

function Section({ heading, text }: { heading: string; text: string }) {
  const styles = useStyles();
  return (
    <div className={styles.section}>
      <h3 className={styles.sectionHeading}>{heading}</h3>
      <Text as="p" className={styles.paragraph}>
        {text}
      </Text>
    </div>
  );
}
