/**
 * The one table shape the app uses: a scroller holding a real <table> with a sticky
 * header, only the rows in view rendered beyond VIRTUALIZE_ABOVE (spacer rows keep the
 * scroll height), aria-rowcount and aria-rowindex telling the real size and position,
 * a scroll back to the top when what is shown changes (new search, filter or sort),
 * measured rows where text wraps, and keyboard access: a grid's rows are one tab stop
 * moved with the arrow keys; a plain table's scroller takes focus so the keyboard can
 * scroll it.
 */
import { makeStyles, mergeClasses, Table, TableBody, TableHeader, TableRow, tokens } from '@fluentui/react-components';
import { useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import { SpacerRow } from './SpacerRow';
import { useGridKeys, type GridKeys, type GridRowProps } from './useGridKeys';
import { useVirtualRows, VIRTUALIZE_ABOVE } from './useVirtualRows';

export { VIRTUALIZE_ABOVE };
export const HEADER_HEIGHT = 32;

const useStyles = makeStyles({
  scroller: {
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { tableLayout: 'fixed' },
  headRow: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1, height: `${HEADER_HEIGHT}px` },
});

/** What each rendered row must carry; spread it on the <TableRow>. */
export type VirtualRowProps = Partial<GridRowProps> & {
  'aria-rowindex': number;
  'data-index': number;
  ref?: (node: Element | null) => void;
  style?: { height: number };
};

/** Whether a memoised row's props are unchanged: rows compare them field by field, not by object. */
export function sameRowProps(a: VirtualRowProps, b: VirtualRowProps): boolean {
  const keys = Object.keys(a) as Array<keyof VirtualRowProps>;
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

interface VirtualTableProps {
  'aria-label'?: string;
  'aria-labelledby'?: string;
  /** The rows there are; undefined while loading, when the real count is not known. */
  rowCount: number | undefined;
  columns: number;
  /** The header row's cells. */
  header: ReactNode;
  renderRow: (index: number, props: VirtualRowProps) => ReactNode;
  /** The fixed row height, or the first guess when `measured`. */
  rowHeight: number;
  virtualizeAbove?: number;
  /** Rows whose height depends on their text (wrapped reasons) are measured as they render. */
  measured?: boolean;
  /** A new value scrolls back to the top: what is shown has changed (search, filter, sort). */
  resetKey?: string;
  /** Makes the table a single-select grid: rows are one tab stop, moved with the arrow keys. */
  grid?: GridKeys;
  /** Names the scroller as a region the keyboard can focus and scroll, for tables with no focusable rows. */
  regionLabel?: string;
  sortable?: boolean;
  busy?: boolean;
  className?: string;
  tableClassName?: string;
  /** Shown below the rows, inside the scroller: loading and empty states. */
  children?: ReactNode;
}

export function VirtualTable(props: VirtualTableProps) {
  const { rowCount, columns, header, renderRow, rowHeight, virtualizeAbove = VIRTUALIZE_ABOVE, measured = false, resetKey, grid, regionLabel } = props;
  const styles = useStyles();
  const scrollerRef = useRef<HTMLDivElement>(null);
  const count = rowCount ?? 0;
  const virtual = useVirtualRows({ count, scrollerRef, rowHeight, headerHeight: HEADER_HEIGHT, enabled: count > virtualizeAbove, measured });
  const gridRow = useGridKeys(grid, count, virtual, scrollerRef);
  // One style object for every row and render, so memoised rows (sameRowProps) skip re-rendering while scrolling.
  const rowStyle = useMemo(() => ({ height: rowHeight }), [rowHeight]);

  // Not on the first render: the table starts at the top, and a remount must not move a scrolled page.
  const shownKey = useRef(resetKey);
  useLayoutEffect(() => {
    if (shownKey.current === resetKey) return;
    shownKey.current = resetKey;
    if (scrollerRef.current) scrollerRef.current.scrollTop = 0;
  }, [resetKey]);

  return (
    <div
      ref={scrollerRef}
      className={mergeClasses(styles.scroller, props.className)}
      {...(regionLabel ? { role: 'region', 'aria-label': regionLabel, tabIndex: 0 } : {})}
    >
      <Table
        role={grid ? 'grid' : undefined}
        aria-label={props['aria-label']}
        aria-labelledby={props['aria-labelledby']}
        aria-multiselectable={grid ? false : undefined}
        aria-rowcount={rowCount === undefined ? undefined : rowCount + 1}
        aria-busy={props.busy}
        sortable={props.sortable}
        size="extra-small"
        className={mergeClasses(styles.table, props.tableClassName)}
      >
        <TableHeader className={styles.headRow}>
          <TableRow aria-rowindex={1}>{header}</TableRow>
        </TableHeader>
        <TableBody>
          <SpacerRow height={virtual.padTop} columns={columns} />
          {virtual.indexes.map((index) =>
            renderRow(index, {
              'aria-rowindex': index + 2,
              'data-index': index,
              ...(measured ? { ref: virtual.measureRow } : { style: rowStyle }),
              ...gridRow?.(index),
            }),
          )}
          <SpacerRow height={virtual.padBottom} columns={columns} />
        </TableBody>
      </Table>
      {props.children}
    </div>
  );
}
