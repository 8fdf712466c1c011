import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { Delete20Regular } from '@fluentui/react-icons';
import { interfaceLabel } from '../../app/model';
import { aliasOf, type AnycastRowView } from '../views/anycastRows';

const useStyles = makeStyles({
  surface: { maxWidth: '480px' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  paragraph: { margin: 0 },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

interface DeleteConfirmDialogProps {
  /** The row to remove; null keeps the dialog closed. */
  row: AnycastRowView | null;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Removing an address can cut off a service, so it is confirmed; Cancel comes first and gets focus. */
export function DeleteConfirmDialog({ row, busy, onConfirm, onCancel }: DeleteConfirmDialogProps) {
  const styles = useStyles();
  return (
    <Dialog open={row !== null} modalType="alert" onOpenChange={(_, data) => !data.open && !busy && onCancel()}>
      <DialogSurface className={styles.surface}>
        {row && (
          <DialogBody>
            <DialogTitle>
              Remove {row.entry.address} from {aliasOf(row)}?
            </DialogTitle>
            <DialogContent className={styles.content}>
              <p className={styles.paragraph}>
                <span className={styles.mono}>{row.entry.address}</span> will no longer be an anycast address of{' '}
                {row.iface ? interfaceLabel(row.iface) : aliasOf(row)}. Programs that rely on it there stop receiving its
                traffic. The same address on other interfaces is not affected.
              </p>
            </DialogContent>
            <DialogActions>
              <Button onClick={onCancel} disabled={busy}>
                Cancel
              </Button>
              <Button
                appearance="primary"
                icon={busy ? <Spinner size="extra-tiny" appearance="inverted" /> : <Delete20Regular />}
                onClick={onConfirm}
                disabledFocusable={busy}
              >
                Delete
              </Button>
            </DialogActions>
          </DialogBody>
        )}
      </DialogSurface>
    </Dialog>
  );
}
