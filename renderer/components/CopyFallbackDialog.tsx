import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef } from 'react';

const useStyles = makeStyles({
  surface: { maxWidth: '560px' },
  text: { fontFamily: tokens.fontFamilyMonospace },
});

export interface CopyFallback {
  text: string;
  /** What the text is, as the dialog names it. */
  what: 'Address' | 'Details';
}

/** When the clipboard refuses, the text is shown selected so Ctrl+C still gets it into a ticket. */
export function CopyFallbackDialog({ copy, onClose }: { copy: CopyFallback | null; onClose: () => void }) {
  const styles = useStyles();
  const boxRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (copy === null) return;
    boxRef.current?.focus();
    boxRef.current?.select();
  }, [copy]);
  const what = copy?.what ?? 'Details';
  return (
    <Dialog open={copy !== null} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Copy {what.toLowerCase()}</DialogTitle>
          <DialogContent>
            <Field label={what} hint={`Copying to the clipboard is not available here. The ${what.toLowerCase()} text is selected: press Ctrl+C to copy it.`}>
              <Textarea
                ref={boxRef}
                className={styles.text}
                value={copy?.text ?? ''}
                readOnly
                rows={copy?.text.includes('\n') ? 10 : 1}
                resize="vertical"
              />
            </Field>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
