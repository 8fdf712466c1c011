/**
 * The main screen's layout: header and banners, the interface table, the add form and
 * the anycast table with its toolbar, and the dialogs. What it shows comes from the
 * store; every action goes through the dispatcher (state/), which calls the API,
 * reports errors, re-reads the lists and confirms success. App holds only what is on
 * screen: the selection, the tables' search and sort, and which dialog is open.
 */
import { makeStyles, tokens, Toaster } from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import type { AnycastApi } from '../app/ipc-contract';
import type { Luid } from '../app/model';
import { AppDialogs, type OpenDialog } from './AppDialogs';
import { AddAnycastForm } from './components/AddAnycastForm';
import { AnycastTable } from './components/AnycastTable';
import { AnycastToolbar, type ToolbarCommand } from './components/AnycastToolbar';
import { AppHeader } from './components/AppHeader';
import { CopyFallbackDialog } from './components/CopyFallbackDialog';
import { DeleteConfirmDialog } from './components/DeleteConfirmDialog';
import { ErrorDialog } from './components/ErrorDialog';
import { InterfaceTable, type SelectHow } from './components/InterfaceTable';
import { SkipLink } from './components/SkipLink';
import { StatusBanners } from './components/StatusBanners';
import { restoreFocus } from './focus';
import { useAnycastView } from './hooks/useAnycastView';
import { useCopyRow } from './hooks/useCopyRow';
import { useDeleteFlow } from './hooks/useDeleteFlow';
import { useInterfaceView, type InterfaceColumn } from './hooks/useInterfaceView';
import { useSearchSort } from './hooks/useSearchSort';
import { SelfTestButton } from './selftest/SelfTestButton';
import { useAppState } from './state/useAppState';
import type { AnycastColumn } from './views/anycastRows';

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

export function App({ api }: { api: AnycastApi }) {
  const styles = useStyles();
  const addressRef = useRef<HTMLInputElement>(null);
  const anycastHeadingRef = useRef<HTMLHeadingElement>(null);
  const { dispatcher, snapshot: data, errors, toasterProps, notify } = useAppState(api, anycastHeadingRef);
  const [selectedLuid, setSelectedLuid] = useState<Luid | null>(null);
  // The form follows a row chosen in the grid (Enter, Space, a click), not one the arrow keys pass over.
  const [chosenLuid, setChosenLuid] = useState<Luid | null>(null);
  const interfaceSearch = useSearchSort<InterfaceColumn>();
  const anycastSearch = useSearchSort<AnycastColumn>();
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const deletion = useDeleteFlow(dispatcher, anycastHeadingRef);
  const copying = useCopyRow(data.status, notify);

  const interfacesByLuid = useMemo(() => new Map(data.interfaces.map((i) => [i.luid, i])), [data.interfaces]);
  const counts = useMemo(() => {
    const byLuid = new Map<Luid, number>();
    for (const entry of data.entries) byLuid.set(entry.interfaceLuid, (byLuid.get(entry.interfaceLuid) ?? 0) + 1);
    return byLuid;
  }, [data.entries]);
  // A selection whose interface vanished on refresh falls back to all interfaces.
  const selected = (selectedLuid !== null && interfacesByLuid.get(selectedLuid)) || null;
  const { rows, narrowed: anycastNarrowed } = useAnycastView(data.entries, interfacesByLuid, selected?.luid ?? null, anycastSearch.query, anycastSearch.sort);
  const shownEntries = useMemo(() => rows.map((r) => r.entry), [rows]);
  const interfaceView = useInterfaceView(data.interfaces, counts, interfaceSearch.query, interfaceSearch.sort);

  const selectInterface = (luid: Luid | null, how: SelectHow) => {
    setSelectedLuid(luid);
    if (how === 'chosen') setChosenLuid(luid);
  };

  const openDialog = (kind: ToolbarCommand, trigger: HTMLElement) =>
    setDialog(kind === 'export' ? { kind, trigger, initial: {} } : { kind, trigger });
  const closeDialog = () => {
    restoreFocus(dialog?.trigger ?? null, anycastHeadingRef.current);
    setDialog(null);
  };

  return (
    <div className={styles.app}>
      <SkipLink target={addressRef}>Skip to Add anycast address</SkipLink>
      <AppHeader
        status={data.status}
        lastUpdated={data.lastUpdated}
        lastFailed={data.lastFailed}
        refreshing={data.refreshing}
        onRefresh={() => void dispatcher.refresh()}
      >
        <SelfTestButton dispatcher={dispatcher} interfaces={data.interfaces} />
      </AppHeader>
      {data.status && (
        <div className={styles.banners}>
          <StatusBanners status={data.status} />
        </div>
      )}
      <main className={styles.main}>
        <div className={styles.interfaces}>
          <InterfaceTable
            shown={interfaceView.shown}
            narrowed={interfaceView.narrowed}
            totalInterfaces={data.interfaces.length}
            counts={counts}
            totalCount={data.entries.length}
            selectedLuid={selected?.luid ?? null}
            onSelect={selectInterface}
            search={interfaceSearch}
            loading={data.loading}
          />
        </div>
        <div className={styles.lower}>
          <div className={styles.form}>
            <AddAnycastForm
              interfaces={data.interfaces}
              preferredLuid={chosenLuid}
              elevated={data.status?.elevated ?? true}
              onAdd={(key, iface) => dispatcher.add(key, iface.alias)}
              addressRef={addressRef}
            />
          </div>
          <AnycastTable
            rows={rows}
            narrowed={anycastNarrowed}
            totalCount={data.entries.length}
            filter={selected}
            onShowAll={() => {
              setSelectedLuid(null);
              // The chip that had focus goes away with the filter.
              restoreFocus(anycastHeadingRef.current);
            }}
            query={anycastSearch.query}
            onClearSearch={() => anycastSearch.setQuery('')}
            sort={anycastSearch.sort}
            onSort={anycastSearch.toggleSort}
            onDelete={deletion.request}
            onCopy={copying.copy}
            loading={data.loading}
            unavailable={data.entriesUnavailable}
            headingRef={anycastHeadingRef}
            toolbar={<AnycastToolbar query={anycastSearch.query} onQueryChange={anycastSearch.setQuery} onCommand={openDialog} />}
          />
        </div>
      </main>
      <AppDialogs
        dialog={dialog}
        dispatcher={dispatcher}
        snapshot={data}
        shownEntries={shownEntries}
        notify={notify}
        onOpen={setDialog}
        onClose={closeDialog}
      />
      <DeleteConfirmDialog row={deletion.row} busy={deletion.deleting} onConfirm={deletion.confirm} onCancel={deletion.cancel} />
      <ErrorDialog error={errors.current} tone={errors.currentTone} machine={data.status?.machine} onClose={errors.dismiss} />
      <CopyFallbackDialog copy={copying.fallback} onClose={copying.closeFallback} />
      <Toaster {...toasterProps} />
    </div>
  );
}
