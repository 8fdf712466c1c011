/**
 * The dialogs the anycast toolbar opens, each loaded on first use so the first screen
 * stays small. Focus goes back to the toolbar button that opened one when it closes.
 */
import { lazy, Suspense } from 'react';
import type { AnycastEntry } from '../app/model';
import type { ToolbarCommand } from './components/AnycastToolbar';
import type { ExportInitial } from './export/ExportDialog';
import type { Dispatcher } from './state/dispatcher';
import type { AppSnapshot } from './state/store';

const BulkAddDialog = lazy(() => import('./bulk/BulkAddDialog'));
const ExportDialog = lazy(() => import('./export/ExportDialog'));
const SavedSetDialog = lazy(() => import('./savedset/SavedSetDialog'));
const AuditLogDialog = lazy(() => import('./audit/AuditLogDialog'));

export type OpenDialog =
  | { kind: Exclude<ToolbarCommand, 'export'>; trigger: HTMLElement }
  | { kind: 'export'; trigger: HTMLElement; initial: ExportInitial };

interface AppDialogsProps {
  dialog: OpenDialog | null;
  dispatcher: Dispatcher;
  snapshot: AppSnapshot;
  /** The rows the anycast table shows now, for "export what is shown". */
  shownEntries: AnycastEntry[];
  notify: (message: string) => void;
  onOpen: (dialog: OpenDialog) => void;
  onClose: () => void;
}

export function AppDialogs({ dialog, dispatcher, snapshot, shownEntries, notify, onOpen, onClose }: AppDialogsProps) {
  const { interfaces, entries, status } = snapshot;
  return (
    <Suspense fallback={null}>
      {dialog?.kind === 'bulk-add' && (
        <BulkAddDialog dispatcher={dispatcher} interfaces={interfaces} entries={entries} elevated={status?.elevated ?? true} onClose={onClose} />
      )}
      {dialog?.kind === 'export' && (
        <ExportDialog
          entries={entries}
          shownEntries={shownEntries}
          interfaces={interfaces}
          machine={status?.machine}
          initial={dialog.initial}
          onSaved={(fileName) => {
            // The file is handed to the download; where it lands (or a Save As that is cancelled) is not known here.
            notify(`Exported ${fileName}`);
            onClose();
          }}
          onClose={onClose}
        />
      )}
      {dialog?.kind === 'saved-set' && (
        <SavedSetDialog
          dispatcher={dispatcher}
          interfaces={interfaces}
          entries={entries}
          onExportPersistent={() => onOpen({ kind: 'export', trigger: dialog.trigger, initial: { format: 'powershell', store: 'persistent' } })}
          onClose={onClose}
        />
      )}
      {dialog?.kind === 'audit-log' && <AuditLogDialog dispatcher={dispatcher} onClose={onClose} />}
    </Suspense>
  );
}
