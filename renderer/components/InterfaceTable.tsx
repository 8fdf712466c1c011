/**
 * The interfaces as a single-select grid: one tab stop, arrows move the selection
 * (as in a Windows list view), and the first row, "All interfaces", clears the filter.
 * A search box narrows the rows and the column headers sort them; with many adapters
 * only the rows in view are rendered.
 */
import {
  Caption1,
  makeStyles,
  mergeClasses,
  SearchBox,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useDeferredValue, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Luid, NetworkInterface } from '../../app/model';
import { OPER_STATUS_LABEL, pluralize } from '../format';
import { matchesTerms, queryTerms, searchText } from '../tables/search';
import { nextSort, sortByKey, sortDirectionOf, type SortKey, type SortState } from '../tables/sorting';
import { SpacerRow } from '../tables/SpacerRow';
import { useVirtualRows } from '../tables/useVirtualRows';
import { OperStatusLabel } from './OperStatusLabel';
import { StackBadges } from './StackBadges';

/** A laptop has under ten adapters; a hypervisor host can have hundreds. */
const INTERFACES_VIRTUALIZE_ABOVE = 100;
const ROW_HEIGHT = 30;
const HEADER_HEIGHT = 32;
const COLUMN_COUNT = 7;

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', minHeight: 0, gap: tokens.spacingVerticalS },
  titleBar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, minHeight: '32px' },
  heading: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalS, flexGrow: 1 },
  title: { margin: 0 },
  count: { color: tokens.colorNeutralForeground3 },
  search: { width: '260px' },
  scroller: {
    overflow: 'auto',
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  table: { tableLayout: 'fixed', minWidth: '720px' },
  headRow: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    height: `${HEADER_HEIGHT}px`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  row: { cursor: 'default', height: `${ROW_HEIGHT}px` },
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

type InterfaceColumn = 'alias' | 'description' | 'index' | 'status' | 'mac' | 'count';

interface InterfaceTableProps {
  interfaces: NetworkInterface[];
  /** Anycast addresses per interface LUID. */
  counts: ReadonlyMap<Luid, number>;
  totalCount: number;
  selectedLuid: Luid | null;
  onSelect: (luid: Luid | null) => void;
  loading: boolean;
}

export function InterfaceTable({ interfaces, counts, totalCount, selectedLuid, onSelect, loading }: InterfaceTableProps) {
  const styles = useStyles();
  const headingId = useId();
  const scrollerRef = useRef<HTMLDivElement>(null);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortState<InterfaceColumn> | null>(null);
  const shown = useShownInterfaces(interfaces, counts, useDeferredValue(query), sort);

  // Row 0 is "All interfaces"; row i + 1 is shown[i].
  const keys: Array<Luid | null> = [null, ...shown.map((i) => i.luid)];
  const activeRow = Math.max(0, keys.indexOf(selectedLuid));
  const virtual = useVirtualRows({
    count: loading ? 0 : keys.length,
    scrollerRef,
    rowHeight: ROW_HEIGHT,
    headerHeight: HEADER_HEIGHT,
    enabled: keys.length > INTERFACES_VIRTUALIZE_ABOVE,
  });

  // A row moved to with the keyboard may only render after the scroll it causes; focus it once it exists.
  const pendingFocus = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (pendingFocus.current === null) return;
    const row = scrollerRef.current?.querySelector<HTMLTableRowElement>(`tr[data-row="${pendingFocus.current}"]`);
    if (!row) return;
    pendingFocus.current = null;
    row.focus();
  });

  // The selected row is the table's one Tab stop; when it is scrolled out of the rendered window,
  // the first rendered row stands in, so Tab never skips the table.
  const tabStop = virtual.indexes.includes(activeRow) ? activeRow : virtual.indexes[0];

  const selectRow = (row: number) => {
    onSelect(keys[row] ?? null);
    pendingFocus.current = row;
    virtual.scrollToIndex(row);
  };

  const onRowKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, row: number) => {
    const last = keys.length - 1;
    const target: Record<string, number> = {
      ArrowDown: Math.min(row + 1, last),
      ArrowUp: Math.max(row - 1, 0),
      Home: 0,
      End: last,
      PageDown: Math.min(row + 10, last),
      PageUp: Math.max(row - 10, 0),
      Enter: row,
      ' ': row,
    };
    const next = target[event.key];
    if (next === undefined) return;
    event.preventDefault();
    selectRow(next);
  };

  const rowProps = (row: number, selected: boolean) => ({
    'aria-selected': selected,
    'aria-rowindex': row + 2,
    'data-row': row,
    tabIndex: row === tabStop ? 0 : -1,
    onClick: () => selectRow(row),
    onKeyDown: (event: KeyboardEvent<HTMLTableRowElement>) => onRowKeyDown(event, row),
    className: mergeClasses(styles.row, selected && styles.selected, row === 0 && styles.allRow),
  });

  const header = (column: InterfaceColumn, label: string, className?: string, endAligned = false) => (
    <TableHeaderCell
      className={className}
      sortDirection={sortDirectionOf(sort, column)}
      onClick={() => setSort((current) => nextSort(current, column))}
      button={endAligned ? { className: styles.endAligned } : undefined}
    >
      {label}
    </TableHeaderCell>
  );

  const countText = shown.length === interfaces.length
    ? pluralize(interfaces.length, 'interface', 'interfaces')
    : `${shown.length.toLocaleString('en-US')} of ${pluralize(interfaces.length, 'interface', 'interfaces')}`;

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
              {countText}
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
          onChange={(_, data) => setQuery(data.value)}
        />
      </div>
      <div className={styles.scroller} ref={scrollerRef}>
        <Table
          role="grid"
          sortable
          aria-labelledby={headingId}
          aria-multiselectable={false}
          aria-rowcount={loading ? undefined : keys.length + 1}
          aria-busy={loading}
          size="extra-small"
          className={styles.table}
        >
          <TableHeader className={styles.headRow}>
            <TableRow aria-rowindex={1}>
              {header('alias', 'Alias', styles.colAlias)}
              {header('description', 'Description')}
              {header('index', 'Index', styles.colIndex, true)}
              {header('status', 'Status', styles.colStatus)}
              <TableHeaderCell className={styles.colStacks} sortable={false}>
                Stacks
              </TableHeaderCell>
              {header('mac', 'MAC address', styles.colMac)}
              {header('count', 'Anycast', styles.colCount, true)}
            </TableRow>
          </TableHeader>
          <TableBody>
            <SpacerRow height={virtual.padTop} columns={COLUMN_COUNT} />
            {virtual.indexes.map((row) => {
              if (row === 0) {
                return (
                  <TableRow key="all" {...rowProps(0, selectedLuid === null)}>
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
                <TableRow key={iface.luid} {...rowProps(row, iface.luid === selectedLuid)}>
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
            })}
            <SpacerRow height={virtual.padBottom} columns={COLUMN_COUNT} />
          </TableBody>
        </Table>
        {loading && <Spinner className={styles.loading} size="small" label="Loading network interfaces…" />}
        {!loading && shown.length === 0 && query.trim() !== '' && (
          <div className={styles.noMatch} role="status">
            No interface matches “{query.trim()}”.
          </div>
        )}
      </div>
    </section>
  );
}

const SORT_KEYS: Readonly<Record<InterfaceColumn, (iface: NetworkInterface, counts: ReadonlyMap<Luid, number>) => SortKey>> = {
  alias: (i) => i.alias,
  description: (i) => i.description,
  index: (i) => i.index,
  status: (i) => OPER_STATUS_LABEL[i.operStatus],
  mac: (i) => i.mac,
  count: (i, counts) => counts.get(i.luid) ?? 0,
};

function useShownInterfaces(
  interfaces: readonly NetworkInterface[],
  counts: ReadonlyMap<Luid, number>,
  query: string,
  sort: SortState<InterfaceColumn> | null,
): NetworkInterface[] {
  const searchable = useMemo(
    () => interfaces.map((iface) => ({ iface, text: searchText([iface.alias, iface.description, iface.mac, `index ${iface.index}`]) })),
    [interfaces],
  );
  return useMemo(() => {
    const terms = queryTerms(query);
    const matching = searchable.filter(({ text }) => matchesTerms(text, terms)).map(({ iface }) => iface);
    if (!sort) return matching;
    const key = SORT_KEYS[sort.column];
    return sortByKey(matching, (iface) => key(iface, counts), sort.direction);
  }, [searchable, counts, query, sort]);
}
