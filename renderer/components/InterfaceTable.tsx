/**
 * The interfaces as a single-select grid: one tab stop, arrows move the selection
 * (as in a Windows list view), and the first row, "All interfaces", clears the filter.
 */
import {
  Caption1,
  makeStyles,
  mergeClasses,
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
import { useId, type KeyboardEvent, type MouseEvent } from 'react';
import type { Luid, NetworkInterface } from '../../app/model';
import { pluralize } from '../format';
import { OperStatusLabel } from './OperStatusLabel';
import { StackBadges } from './StackBadges';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', minHeight: 0, gap: tokens.spacingVerticalS },
  heading: { margin: 0, display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalS },
  count: { color: tokens.colorNeutralForeground3 },
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
    backgroundColor: tokens.colorNeutralBackground1,
  },
  row: { cursor: 'default', height: '30px' },
  endAligned: { justifyContent: 'flex-end' },
  allRow: { fontWeight: tokens.fontWeightSemibold },
  selected: {
    backgroundColor: tokens.colorSubtleBackgroundSelected,
    boxShadow: `inset 3px 0 0 ${tokens.colorCompoundBrandStroke}`,
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundSelected },
  },
  ellipsis: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  loading: { padding: tokens.spacingVerticalL },
  colAlias: { width: '200px' },
  colIndex: { width: '64px' },
  colStatus: { width: '104px' },
  colStacks: { width: '100px' },
  colMac: { width: '140px' },
  colCount: { width: '80px' },
});

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
  // Row 0 is "All interfaces"; row i + 1 is interfaces[i].
  const keys: Array<Luid | null> = [null, ...interfaces.map((i) => i.luid)];
  const activeRow = Math.max(0, keys.indexOf(selectedLuid));

  // Rows sit in body order (row 0 first), so the target row is found from the row the key was pressed on.
  const selectRow = (row: number, from: HTMLTableRowElement) => {
    onSelect(keys[row] ?? null);
    from.parentElement?.querySelectorAll<HTMLTableRowElement>(':scope > tr').item(row)?.focus();
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
    selectRow(next, event.currentTarget);
  };

  const rowProps = (row: number, selected: boolean) => ({
    'aria-selected': selected,
    'aria-rowindex': row + 2,
    tabIndex: row === activeRow ? 0 : -1,
    onClick: (event: MouseEvent<HTMLTableRowElement>) => selectRow(row, event.currentTarget),
    onKeyDown: (event: KeyboardEvent<HTMLTableRowElement>) => onRowKeyDown(event, row),
    className: mergeClasses(styles.row, selected && styles.selected, row === 0 && styles.allRow),
  });

  return (
    <section className={styles.section}>
      <Subtitle2 as="h2" className={styles.heading}>
        <span id={headingId}>Network interfaces</span>
        {!loading && <Caption1 className={styles.count}>{pluralize(interfaces.length, 'interface', 'interfaces')}</Caption1>}
      </Subtitle2>
      <div className={styles.scroller}>
        <Table
          role="grid"
          aria-labelledby={headingId}
          aria-multiselectable={false}
          aria-rowcount={loading ? undefined : keys.length + 1}
          aria-busy={loading}
          size="extra-small"
          className={styles.table}
        >
          <TableHeader className={styles.headRow}>
            <TableRow aria-rowindex={1}>
              <TableHeaderCell className={styles.colAlias}>Alias</TableHeaderCell>
              <TableHeaderCell>Description</TableHeaderCell>
              <TableHeaderCell className={styles.colIndex} button={{ className: styles.endAligned }}>
                Index
              </TableHeaderCell>
              <TableHeaderCell className={styles.colStatus}>Status</TableHeaderCell>
              <TableHeaderCell className={styles.colStacks}>Stacks</TableHeaderCell>
              <TableHeaderCell className={styles.colMac}>MAC address</TableHeaderCell>
              <TableHeaderCell className={styles.colCount} button={{ className: styles.endAligned }}>
                Anycast
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {!loading && (
              <TableRow {...rowProps(0, selectedLuid === null)}>
                <TableCell role="gridcell" className={styles.ellipsis}>All interfaces</TableCell>
                <TableCell role="gridcell" className={mergeClasses(styles.ellipsis, styles.muted)}>Show anycast addresses on every interface</TableCell>
                <TableCell role="gridcell" />
                <TableCell role="gridcell" />
                <TableCell role="gridcell" />
                <TableCell role="gridcell" />
                <TableCell role="gridcell" className={styles.number}>{totalCount.toLocaleString('en-US')}</TableCell>
              </TableRow>
            )}
            {interfaces.map((iface, i) => (
              <TableRow key={iface.luid} {...rowProps(i + 1, iface.luid === selectedLuid)}>
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
            ))}
          </TableBody>
        </Table>
        {loading && <Spinner className={styles.loading} size="small" label="Loading network interfaces…" />}
      </div>
    </section>
  );
}
