/**
 * The main screen: header and banners, the interface table, the add form and the
 * anycast table. It owns the selection and the write actions; every failed reply
 * goes to the error dialog.
 */
import { makeStyles, tokens, Toaster } from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import type { AnycastApi, AnycastKey } from '../app/ipc-contract';
import type { Luid, NetworkInterface } from '../app/model';
import { AddAnycastForm } from './components/AddAnycastForm';
import { aliasOf, AnycastTable, type AnycastRowView } from './components/AnycastTable';
import { AppHeader } from './components/AppHeader';
import { DeleteConfirmDialog } from './components/DeleteConfirmDialog';
import { ErrorDialog } from './components/ErrorDialog';
import { InterfaceTable } from './components/InterfaceTable';
import { SkipLink } from './components/SkipLink';
import { StatusBanners } from './components/StatusBanners';
import { restoreFocus } from './focus';
import { useAnycastData } from './hooks/useAnycastData';
import { useErrorQueue } from './hooks/useErrorQueue';
import { useRefreshShortcut } from './hooks/useRefreshShortcut';
import { useSuccessToast } from './hooks/useSuccessToast';

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
  interfaces: { display: 'flex', flexDirection: 'column', minHeight: 0, maxHeight: '40vh' },
  lower: {
    display: 'grid',
    gridTemplateColumns: 'minmax(300px, 340px) minmax(0, 1fr)',
    gap: tokens.spacingHorizontalL,
    minHeight: '260px',
  },
  form: { alignSelf: 'start' },
});

interface PendingDelete {
  row: AnycastRowView;
  trigger: HTMLElement;
}

export function App({ api }: { api: AnycastApi }) {
  const styles = useStyles();
  const addressRef = useRef<HTMLInputElement>(null);
  const anycastHeadingRef = useRef<HTMLHeadingElement>(null);
  const errors = useErrorQueue(anycastHeadingRef);
  const data = useAnycastData(api, errors.report);
  const { toasterId, notify } = useSuccessToast();
  const [selectedLuid, setSelectedLuid] = useState<Luid | null>(null);
  const [pendingDelete, setPendingDelete] = useState<PendingDelete | null>(null);
  const [deleting, setDeleting] = useState(false);
  useRefreshShortcut(() => void data.refresh());

  const interfacesByLuid = useMemo(() => new Map(data.interfaces.map((i) => [i.luid, i])), [data.interfaces]);
  const counts = useMemo(() => {
    const byLuid = new Map<Luid, number>();
    for (const entry of data.entries) byLuid.set(entry.interfaceLuid, (byLuid.get(entry.interfaceLuid) ?? 0) + 1);
    return byLuid;
  }, [data.entries]);
  // A selection whose interface vanished on refresh falls back to all interfaces.
  const selected = (selectedLuid !== null && interfacesByLuid.get(selectedLuid)) || null;
  const rows = useMemo<AnycastRowView[]>(
    () =>
      data.entries
        .filter((entry) => selected === null || entry.interfaceLuid === selected.luid)
        .map((entry) => ({ entry, iface: interfacesByLuid.get(entry.interfaceLuid) })),
    [data.entries, interfacesByLuid, selected],
  );

  const add = async (key: AnycastKey, iface: NetworkInterface): Promise<boolean> => {
    const reply = await api.createAnycast(key);
    if (!reply.ok) {
      errors.report(reply.error);
      return false;
    }
    notify(`Added ${reply.value.address} to ${iface.alias}`);
    await data.refresh();
    return true;
  };

  const confirmDelete = async () => {
    if (!pendingDelete) return;
    const { row, trigger } = pendingDelete;
    const { address, interfaceLuid, interfaceIndex } = row.entry;
    setDeleting(true);
    const reply = await api.deleteAnycast({ address, interfaceLuid, interfaceIndex });
    setDeleting(false);
    setPendingDelete(null);
    if (!reply.ok) {
      errors.report(reply.error, trigger);
      return;
    }
    notify(`Removed ${address} from ${aliasOf(row)}`);
    // The row and its button are about to disappear; the table's heading is the nearest stable place.
    restoreFocus(anycastHeadingRef.current);
    await data.refresh();
  };

  const cancelDelete = () => {
    restoreFocus(pendingDelete?.trigger ?? null, anycastHeadingRef.current);
    setPendingDelete(null);
  };

  return (
    <div className={styles.app}>
      <SkipLink target={addressRef}>Skip to Add anycast address</SkipLink>
      <AppHeader status={data.status} lastUpdated={data.lastUpdated} refreshing={data.refreshing} onRefresh={() => void data.refresh()} />
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
            filter={selected}
            onShowAll={() => setSelectedLuid(null)}
            onDelete={(row, trigger) => setPendingDelete({ row, trigger })}
            loading={data.loading}
            unavailable={data.entriesUnavailable}
            headingRef={anycastHeadingRef}
          />
        </div>
      </main>
      <DeleteConfirmDialog row={pendingDelete?.row ?? null} busy={deleting} onConfirm={() => void confirmDelete()} onCancel={cancelDelete} />
      <ErrorDialog error={errors.current} onClose={errors.dismiss} />
      <Toaster toasterId={toasterId} position="bottom-end" />
    </div>
  );
}
