/**
 * The interfaces as a single-select grid: one tab stop, arrows move the selection
 * (as in a Windows list view), and the first row, "All interfaces", clears the filter.
 * A search box narrows the rows and the column headers sort them; with many adapters
 * only the rows in view are rendered. Search and sort live with the caller (useSearchSort).
 */
import { Caption1, makeStyles, mergeClasses, SearchBox, Spinner, Subtitle2, TableCell, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { Luid, NetworkInterface } from '../../app/model';
import { countText } from '../../app/search';
import type { InterfaceColumn } from '../hooks/useInterfaceView';
import type { SearchSort } from '../hooks/useSearchSort';
import { sortDirectionOf } from '../tables/sorting';
import { VirtualTable, type VirtualRowProps } from '../tables/VirtualTable';
import { OperStatusLabel } from './OperStatusLabel';
import { StackBadges } from './StackBadges';

/** A laptop has under ten adapters; a hypervisor host can have hundreds. */
const INTERFACES_VIRTUALIZE_ABOVE = 100;
const ROW_HEIGHT = 30;
const COLUMN_COUNT = 7;
const INTERFACE_NOUN = { one: 'interface', many: 'interfaces' };

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', minHeight: 0, gap: tokens.spacingVerticalS },
  titleBar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, minHeight: '32px' },
  heading: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalS, flexGrow: 1 },
  title: { margin: 0 },
  count: { color: tokens.colorNeutralForeground3 },
  search: { width: '260px' },
  scroller: { minHeight: 0 },
  table: { minWidth: '720px' },
  row: { cursor: 'default' },
  endAligned: { justifyContent: 'flex-end' },
  allRow: { fontWeight: tokens.fontWeightSemibold },
  selected: {
    backgroundColor: tokens.colorSubtleBackgroundSelected,
    boxShadow: `inset 3px 0 0 ${tokens.colorCompoundBrandStroke}`,
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundSelected },
    // High Contrast drops backgrounds and shadows: mark the selection with the system highlight.
    '@media (forced-colors: active)': { outline: '2px solid Highlight', outlineOffset: '-2px' },
  },
  ellipsis: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  loading: { padding: tokens.spacingVerticalL },
  noMatch: { padding: tokens.spacingVerticalM, textAlign: 'center', color: tokens.colorNeutralForeground3 },
  colAlias: { width: '200px' },
  colIndex: { width: '72px' },
  colStatus: { width: '112px' },
  colStacks: { width: '100px' },
  colMac: { width: '148px' },
  colCount: { width: '88px' },
});

/** How a row became selected: moving the grid's focus, or choosing it (Enter, Space, a click). */
export type SelectHow = 'moved' | 'chosen';

interface InterfaceTableProps {
  /** The rows to show: searched and sorted by useInterfaceView. */
  shown: NetworkInterface[];
  /** `shown` is narrowed by the search it was made with (useInterfaceView). */
  narrowed: boolean;
  /** Interfaces on the computer, so a search can say how many it shows. */
  totalInterfaces: number;
  /** Anycast addresses per interface LUID. */
  counts: ReadonlyMap<Luid, number>;
  totalCount: number;
  selectedLuid: Luid | null;
  onSelect: (luid: Luid | null, how: SelectHow) => void;
  search: SearchSort<InterfaceColumn>;
  loading: boolean;
}

export function InterfaceTable({ shown, narrowed, totalInterfaces, counts, totalCount, selectedLuid, onSelect, search, loading }: InterfaceTableProps) {
  const styles = useStyles();
  const headingId = useId();
  const { query, sort } = search;

  // Row 0 is "All interfaces"; row i + 1 is shown[i].
  const keys: Array<Luid | null> = [null, ...shown.map((i) => i.luid)];
  const grid = {
    activeRow: Math.max(0, keys.indexOf(selectedLuid)),
    onMove: (row: number) => onSelect(keys[row] ?? null, 'moved'),
    onChoose: (row: number) => onSelect(keys[row] ?? null, 'chosen'),
  };

  const header = (column: InterfaceColumn, label: string, className?: string, endAligned = false) => (
    <TableHeaderCell
      className={className}
      sortDirection={sortDirectionOf(sort, column)}
      onClick={() => search.toggleSort(column)}
      button={endAligned ? { className: styles.endAligned } : undefined}
    >
      {label}
    </TableHeaderCell>
  );

  const renderRow = (row: number, rowProps: VirtualRowProps) => {
    const selected = keys[row] === selectedLuid;
    const props = { ...rowProps, 'aria-selected': selected, className: mergeClasses(styles.row, selected && styles.selected, row === 0 && styles.allRow) };
    if (row === 0) {
      return (
        <TableRow key="all" {...props}>
          <TableCell role="gridcell" className={styles.ellipsis}>All interfaces</TableCell>
          <TableCell role="gridcell" className={mergeClasses(styles.ellipsis, styles.muted)}>Show anycast addresses on every interface</TableCell>
          <TableCell role="gridcell" />
          <TableCell role="gridcell" />
          <TableCell role="gridcell" />
          <TableCell role="gridcell" />
          <TableCell role="gridcell" className={styles.number}>{totalCount.toLocaleString('en-US')}</TableCell>
        </TableRow>
      );
    }
    const iface = shown[row - 1]!;
    return (
      <TableRow key={iface.luid} {...props}>
        <TableCell role="gridcell" className={styles.ellipsis} title={iface.alias}>
          {iface.alias}
        </TableCell>
        <TableCell role="gridcell" className={mergeClasses(styles.ellipsis, styles.muted)} title={iface.description}>
          {iface.description}
        </TableCell>
        <TableCell role="gridcell" className={styles.number}>{iface.index}</TableCell>
        <TableCell role="gridcell">
          <OperStatusLabel status={iface.operStatus} />
        </TableCell>
        <TableCell role="gridcell">
          <StackBadges iface={iface} />
        </TableCell>
        <TableCell role="gridcell" className={mergeClasses(styles.mono, styles.ellipsis, !iface.mac && styles.muted)}>
          {iface.mac || 'None'}
        </TableCell>
        <TableCell role="gridcell" className={styles.number}>{(counts.get(iface.luid) ?? 0).toLocaleString('en-US')}</TableCell>
      </TableRow>
    );
  };


  return (
    <section className={styles.section}>
      <div className={styles.titleBar}>
        <div className={styles.heading}>
          <Subtitle2 as="h2" id={headingId} className={styles.title}>
            Network interfaces
          </Subtitle2>
          {/* A status, so a search's result count is announced as it changes. */}
          {!loading && (
            <Caption1 role="status" className={styles.count}>
              {countText(shown.length, totalInterfaces, narrowed, INTERFACE_NOUN)}
            </Caption1>
          )}
        </div>
        <SearchBox
          className={styles.search}
          size="small"
          aria-label="Search interfaces"
          dismiss={{ 'aria-label': 'Clear the interface search' }}
          placeholder="Search alias, description, MAC"
          value={query}
          onChange={(_, data) => search.setQuery(data.value)}
        />
      </div>
      <VirtualTable
        aria-labelledby={headingId}
        rowCount={loading ? undefined : keys.length}
        columns={COLUMN_COUNT}
        rowHeight={ROW_HEIGHT}
        virtualizeAbove={INTERFACES_VIRTUALIZE_ABOVE}
        resetKey={`${query}\u0000${sort?.column ?? ''}\u0000${sort?.direction ?? ''}`}
        grid={grid}
        sortable
        busy={loading}
        className={styles.scroller}
        tableClassName={styles.table}
        renderRow={renderRow}
        header={
          <>
            {header('alias', 'Alias', styles.colAlias)}
            {header('description', 'Description')}
            {header('index', 'Index', styles.colIndex, true)}
            {header('status', 'Status', styles.colStatus)}
            <TableHeaderCell className={styles.colStacks} sortable={false}>
              Stacks
            </TableHeaderCell>
            {header('mac', 'MAC address', styles.colMac)}
            {header('count', 'Anycast', styles.colCount, true)}
          </>
        }
      >
        {loading && <Spinner className={styles.loading} size="small" label="Loading network interfaces…" />}
        {!loading && shown.length === 0 && query.trim() !== '' && (
          <div className={styles.noMatch} role="status">
            No interface matches “{query.trim()}”.
          </div>
        )}
      </VirtualTable>
    </section>
  );
}
