/**
 * The main screen: header and banners, the interface table, the add form and the
 * anycast table with its toolbar. It owns the selection, the search and sort, the
 * write actions and which dialog is open; every failed reply goes to the error dialog.
 * The bulk dialogs are loaded on first use, so the first screen stays small.
 */
import { makeStyles, tokens, Toaster } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useMemo, useRef, useState } from 'react';
import type { AnycastApi, AnycastKey, CreatedEntry } from '../app/ipc-contract';
import type { AppError, Luid, NetworkInterface } from '../app/model';
import { copyText } from './clipboard';
import { AddAnycastForm } from './components/AddAnycastForm';
import { aliasOf, AnycastTable, type AnycastRowView, type CopyWhat } from './components/AnycastTable';
import { AnycastToolbar, type ToolbarCommand } from './components/AnycastToolbar';
import { AppHeader } from './components/AppHeader';
import { SelfTestButton } from './selftest/SelfTestButton';
import { CopyFallbackDialog, type CopyFallback } from './components/CopyFallbackDialog';
import { DeleteConfirmDialog } from './components/DeleteConfirmDialog';
import { ErrorDialog } from './components/ErrorDialog';
import { InterfaceTable } from './components/InterfaceTable';
import { SkipLink } from './components/SkipLink';
import { StatusBanners } from './components/StatusBanners';
import { entryDetailsText } from './details';
import type { ExportInitial } from './export/ExportDialog';
import { restoreFocus } from './focus';
import { useAnycastData } from './hooks/useAnycastData';
import { useAnycastView, type AnycastColumn } from './hooks/useAnycastView';
import { useErrorQueue } from './hooks/useErrorQueue';
import { useLiveRefresh } from './hooks/useLiveRefresh';
import { useRefreshShortcut } from './hooks/useRefreshShortcut';
import { useSuccessToast } from './hooks/useSuccessToast';
import { nextSort, type SortState } from './tables/sorting';

const BulkAddDialog = lazy(() => import('./bulk/BulkAddDialog'));
const ExportDialog = lazy(() => import('./export/ExportDialog'));
const SavedSetDialog = lazy(() => import('./savedset/SavedSetDialog'));
const AuditLogDialog = lazy(() => import('./audit/AuditLogDialog'));

const useStyles = makeStyles({
  app: {
    display: 'flex',
    flexDirection: 'column',
    height: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  banners: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} 0` },
  main: {
    flexGrow: 1,
    minHeight: 0,
    display: 'grid',
    gridTemplateRows: 'minmax(120px, auto) minmax(0, 1fr)',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    overflow: 'auto',
  },
  interfaces: { display: 'flex', flexDirection: 'column', minHeight: 0, maxHeight: '36vh' },
  lower: {
    display: 'grid',
    gridTemplateColumns: 'minmax(300px, 340px) minmax(0, 1fr)',
    gap: tokens.spacingHorizontalL,
    minHeight: '300px',
  },
  form: { alignSelf: 'start' },
});

interface PendingDelete {
  row: AnycastRowView;
  trigger: HTMLElement;
}

type OpenDialog =
  | { kind: Exclude<ToolbarCommand, 'export'>; trigger: HTMLElement }
  | { kind: 'export'; trigger: HTMLElement; initial: ExportInitial };

export function App({ api }: { api: AnycastApi }) {
  const styles = useStyles();
  const addressRef = useRef<HTMLInputElement>(null);
  const anycastHeadingRef = useRef<HTMLHeadingElement>(null);
  const errors = useErrorQueue(anycastHeadingRef);
  const data = useAnycastData(api, errors.report);
  const { toasterProps, notify, warn } = useSuccessToast();
  const [selectedLuid, setSelectedLuid] = useState<Luid | null>(null);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortState<AnycastColumn> | null>(null);
  const [pendingDelete, setPendingDelete] = useState<PendingDelete | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [copyFallback, setCopyFallback] = useState<CopyFallback | null>(null);
  useRefreshShortcut(() => void data.refresh());
  useLiveRefresh(api, data.refreshQuietly);

  const interfacesByLuid = useMemo(() => new Map(data.interfaces.map((i) => [i.luid, i])), [data.interfaces]);
  const counts = useMemo(() => {
    const byLuid = new Map<Luid, number>();
    for (const entry of data.entries) byLuid.set(entry.interfaceLuid, (byLuid.get(entry.interfaceLuid) ?? 0) + 1);
    return byLuid;
  }, [data.entries]);
  // A selection whose interface vanished on refresh falls back to all interfaces.
  const selected = (selectedLuid !== null && interfacesByLuid.get(selectedLuid)) || null;
  const rows = useAnycastView(data.entries, interfacesByLuid, selected?.luid ?? null, query, sort);
  const shownEntries = useMemo(() => rows.map((r) => r.entry), [rows]);

  /** The entry exists either way; when Windows did not return it, the warning comes once the list is re-read. */
  const confirmCreated = async (created: CreatedEntry, message: string, notRecorded: AppError | undefined) => {
    if (notRecorded) errors.warn(notRecorded);
    else if (created.readBack === 'ok') notify(message);
    await data.refresh();
    if (created.readBack === 'failed') {
      const { code, symbol, systemMessage } = created.error;
      warn(`${message}, but Windows did not return the entry when read back (code ${code}, ${symbol}: ${systemMessage}); the list has been re-read.`);
    }
  };

  const add = async (key: AnycastKey, iface: NetworkInterface): Promise<boolean> => {
    const reply = await api.createAnycast(key);
    if (!reply.ok) {
      errors.report(reply.error);
      return false;
    }
    await confirmCreated(reply.value, `Added ${reply.value.address} to ${iface.alias}`, reply.warning);
    return true;
  };

  const undoDelete = async (key: AnycastKey, alias: string) => {
    const reply = await api.createAnycast(key);
    if (!reply.ok) {
      errors.report(reply.error);
      return;
    }
    await confirmCreated(reply.value, `Restored ${key.address} to ${alias}`, reply.warning);
  };

  const confirmDelete = async () => {
    if (!pendingDelete) return;
    const { row, trigger } = pendingDelete;
    const { address, interfaceLuid, interfaceIndex } = row.entry;
    const key = { address, interfaceLuid, interfaceIndex };
    setDeleting(true);
    const reply = await api.deleteAnycast(key);
    setDeleting(false);
    setPendingDelete(null);
    if (!reply.ok) {
      errors.report(reply.error, trigger);
      return;
    }
    const alias = aliasOf(row);
    // The row and its button are about to disappear; the table's heading is the nearest stable place.
    if (reply.warning) {
      errors.warn(reply.warning, anycastHeadingRef.current);
    } else {
      notify(`Removed ${address} from ${alias}`, { label: 'Undo', onClick: () => void undoDelete(key, alias) });
      restoreFocus(anycastHeadingRef.current);
    }
    await data.refresh();
  };

  const cancelDelete = () => {
    restoreFocus(pendingDelete?.trigger ?? null, anycastHeadingRef.current);
    setPendingDelete(null);
  };

  const copyRow = async (row: AnycastRowView, what: CopyWhat) => {
    const { address } = row.entry;
    const text = what === 'address' ? address : entryDetailsText(row.entry, row.iface, { status: data.status, when: new Date() });
    if (await copyText(text)) notify(what === 'address' ? `Copied ${address}` : `Copied the details of ${address}`);
    else setCopyFallback({ text, what: what === 'address' ? 'Address' : 'Details' });
  };

  const openDialog = (kind: ToolbarCommand, trigger: HTMLElement) =>
    setDialog(kind === 'export' ? { kind, trigger, initial: {} } : { kind, trigger });
  const closeDialog = () => {
    restoreFocus(dialog?.trigger ?? null, anycastHeadingRef.current);
    setDialog(null);
  };
  const { refresh } = data;
  const reloadAfterBulk = useCallback(() => void refresh(), [refresh]);

  return (
    <div className={styles.app}>
      <SkipLink target={addressRef}>Skip to Add anycast address</SkipLink>
      <AppHeader
        status={data.status}
        lastUpdated={data.lastUpdated}
        lastFailed={data.lastFailed}
        refreshing={data.refreshing}
        onRefresh={() => void data.refresh()}
      >
        <SelfTestButton api={api} interfaces={data.interfaces} />
      </AppHeader>
      {data.status && (
        <div className={styles.banners}>
          <StatusBanners status={data.status} />
        </div>
      )}
      <main className={styles.main}>
        <div className={styles.interfaces}>
          <InterfaceTable
            interfaces={data.interfaces}
            counts={counts}
            totalCount={data.entries.length}
            selectedLuid={selected?.luid ?? null}
            onSelect={setSelectedLuid}
            loading={data.loading}
          />
        </div>
        <div className={styles.lower}>
          <div className={styles.form}>
            <AddAnycastForm
              interfaces={data.interfaces}
              preferredLuid={selected?.luid ?? null}
              elevated={data.status?.elevated ?? true}
              onAdd={add}
              addressRef={addressRef}
            />
          </div>
          <AnycastTable
            rows={rows}
            totalCount={data.entries.length}
            filter={selected}
            onShowAll={() => setSelectedLuid(null)}
            query={query}
            onClearSearch={() => setQuery('')}
            sort={sort}
            onSort={(column) => setSort((current) => nextSort(current, column))}
            onDelete={(row, trigger) => setPendingDelete({ row, trigger })}
            onCopy={(row, what) => void copyRow(row, what)}
            loading={data.loading}
            unavailable={data.entriesUnavailable}
            headingRef={anycastHeadingRef}
            toolbar={<AnycastToolbar query={query} onQueryChange={setQuery} onCommand={openDialog} />}
          />
        </div>
      </main>
      <Suspense fallback={null}>
        {dialog?.kind === 'bulk-add' && (
          <BulkAddDialog
            api={api}
            interfaces={data.interfaces}
            entries={data.entries}
            elevated={data.status?.elevated ?? true}
            onChanged={reloadAfterBulk}
            onClose={closeDialog}
          />
        )}
        {dialog?.kind === 'export' && (
          <ExportDialog
            entries={data.entries}
            shownEntries={shownEntries}
            interfaces={data.interfaces}
            machine={data.status?.machine}
            initial={dialog.initial}
            onSaved={(fileName) => {
              // The file is handed to the download; where it lands (or a Save As that is cancelled) is not known here.
              notify(`Exported ${fileName}`);
              closeDialog();
            }}
            onClose={closeDialog}
          />
        )}
        {dialog?.kind === 'saved-set' && (
          <SavedSetDialog
            api={api}
            interfaces={data.interfaces}
            entries={data.entries}
            onChanged={reloadAfterBulk}
            onExportPersistent={() => setDialog({ kind: 'export', trigger: dialog.trigger, initial: { format: 'powershell', store: 'persistent' } })}
            onClose={closeDialog}
          />
        )}
        {dialog?.kind === 'audit-log' && <AuditLogDialog api={api} onClose={closeDialog} />}
      </Suspense>
      <DeleteConfirmDialog row={pendingDelete?.row ?? null} busy={deleting} onConfirm={() => void confirmDelete()} onCancel={cancelDelete} />
      <ErrorDialog error={errors.current} tone={errors.currentTone} machine={data.status?.machine} onClose={errors.dismiss} />
      <CopyFallbackDialog copy={copyFallback} onClose={() => setCopyFallback(null)} />
      <Toaster {...toasterProps} />
    </div>
  );
}
