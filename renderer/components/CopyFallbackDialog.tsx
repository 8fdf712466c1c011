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

/** When the clipboard refuses, the text is shown selected so Ctrl+C still gets it into a ticket. */
export function CopyFallbackDialog({ text, onClose }: { text: string | null; onClose: () => void }) {
  const styles = useStyles();
  const boxRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (text === null) return;
    boxRef.current?.focus();
    boxRef.current?.select();
  }, [text]);
  return (
    <Dialog open={text !== null} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Copy details</DialogTitle>
          <DialogContent>
            <Field label="Details" hint="Copying to the clipboard is not available here. The details are selected: press Ctrl+C to copy them.">
              <Textarea ref={boxRef} className={styles.text} value={text ?? ''} readOnly rows={10} resize="vertical" />
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
