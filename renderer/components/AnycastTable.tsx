/**
 * The anycast entries as a sortable table with per-row actions, drawn by VirtualTable
 * (only the rows in view for large lists). Search and sort live with the caller
 * (useSearchSort); a new search, filter or sort shows the top of the list.
 */
import { Button, Caption1, makeStyles, Spinner, TableHeaderCell, Text, tokens } from '@fluentui/react-components';
import { Dismiss12Regular } from '@fluentui/react-icons';
import { useCallback, useId, useLayoutEffect, useRef, type ReactNode, type Ref } from 'react';
import { entryKey, interfaceLabel, type NetworkInterface } from '../../app/model';
import { countText } from '../../app/search';
import { sortDirectionOf, type SortState } from '../tables/sorting';
import { VIRTUALIZE_ABOVE, VirtualTable, type VirtualRowProps } from '../tables/VirtualTable';
import type { AnycastColumn, AnycastRowView, CopyWhat } from '../views/anycastRows';
import { AnycastRow, NARROW } from './AnycastRow';

export { VIRTUALIZE_ABOVE };
export const ROW_HEIGHT = 32;
const COLUMN_COUNT = 5;
const ADDRESS_NOUN = { one: 'address', many: 'addresses' };

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', minHeight: 0, minWidth: 0, gap: tokens.spacingVerticalS },
  titleBar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', minHeight: '28px' },
  heading: { margin: 0, outlineOffset: '2px' },
  count: { color: tokens.colorNeutralForeground3 },
  scroller: { flexGrow: 1, minHeight: '160px' },
  // The address is the one thing that must always be readable: its column is wide
  // enough for 39 characters (a full IPv6 address) and the other columns give way; a narrower window scrolls.
  table: { minWidth: '660px', [NARROW]: { minWidth: '600px' } },
  colAddress: { width: '312px', [NARROW]: { width: '280px' } },
  muted: { color: tokens.colorNeutralForeground3 },
  colFamily: { width: '64px', [NARROW]: { width: '56px' } },
  colScope: { width: '72px', [NARROW]: { width: '60px' } },
  colActions: { width: '120px', [NARROW]: { width: '80px' } },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}`,
    textAlign: 'center',
  },
});

export type { AnycastRowView };

interface AnycastTableProps {
  rows: AnycastRowView[];
  /** Entries on the computer, so a search can say how many of them it shows. */
  totalCount?: number;
  /** The rows are narrowed by the search or filter they were made with (useAnycastView); by default, by `query` and `filter`. */
  narrowed?: boolean;
  /** The interface the table is filtered to, or null for all. */
  filter: NetworkInterface | null;
  onShowAll: () => void;
  /** The search text, so an empty result can say what found nothing. */
  query?: string;
  onClearSearch?: () => void;
  sort?: SortState<AnycastColumn> | null;
  onSort?: (column: AnycastColumn) => void;
  onDelete: (row: AnycastRowView, trigger: HTMLElement) => void;
  onCopy?: (row: AnycastRowView, what: CopyWhat) => void;
  loading: boolean;
  /** The last listing failed: say so rather than "no addresses". */
  unavailable: boolean;
  /** Search and actions, between the title and the table. */
  toolbar?: ReactNode;
  /** Focus lands on the heading when the row that had it is gone (after a delete). */
  headingRef?: Ref<HTMLHeadingElement>;
}

export function AnycastTable(props: AnycastTableProps) {
  const { rows, totalCount = rows.length, filter, onShowAll, query = '', onClearSearch, sort = null, onSort, onDelete, onCopy, loading, unavailable, toolbar, headingRef } = props;
  const narrowed = props.narrowed ?? (query.trim() !== '' || filter !== null);
  const styles = useStyles();
  const headingId = useId();

  const header = (column: AnycastColumn, label: string, className?: string) => (
    <TableHeaderCell className={className} sortDirection={sortDirectionOf(sort, column)} onClick={onSort && (() => onSort(column))}>
      {label}
    </TableHeaderCell>
  );

  // Stable callbacks that call the latest props: with them a memoised row re-renders only when its entry changes.
  const latest = useRef({ onDelete, onCopy });
  useLayoutEffect(() => {
    latest.current = { onDelete, onCopy };
  });
  const deleteRow = useCallback((row: AnycastRowView, trigger: HTMLElement) => latest.current.onDelete(row, trigger), []);
  const copyRow = useCallback((row: AnycastRowView, what: CopyWhat) => latest.current.onCopy?.(row, what), []);

  const renderRow = (index: number, rowProps: VirtualRowProps) => {
    const row = rows[index]!;
    return <AnycastRow key={entryKey(row.entry)} row={row} rowProps={rowProps} onDelete={deleteRow} onCopy={onCopy ? copyRow : undefined} />;
  };

  return (
    <section className={styles.section}>
      <div className={styles.titleBar}>
        <Text as="h2" size={400} weight="semibold" className={styles.heading} ref={headingRef} tabIndex={-1}>
          <span id={headingId}>Anycast addresses</span>
        </Text>
        {filter && (
          <Button size="small" shape="circular" icon={<Dismiss12Regular />} iconPosition="after" onClick={onShowAll} aria-label={`On ${interfaceLabel(filter)}. Show all interfaces`}>
            On {interfaceLabel(filter)}
          </Button>
        )}
        {!loading && (
          <Caption1 role="status" className={styles.count}>
            {countText(rows.length, totalCount, narrowed, ADDRESS_NOUN)}
          </Caption1>
        )}
      </div>
      {toolbar}
      <VirtualTable
        aria-labelledby={headingId}
        rowCount={rows.length}
        columns={COLUMN_COUNT}
        rowHeight={ROW_HEIGHT}
        resetKey={`${query}\u0000${filter?.luid ?? ''}\u0000${sort?.column ?? ''}\u0000${sort?.direction ?? ''}`}
        sortable={onSort !== undefined}
        busy={loading}
        className={styles.scroller}
        tableClassName={styles.table}
        renderRow={renderRow}
        header={
          <>
            {header('address', 'Address', styles.colAddress)}
            {header('family', 'Family', styles.colFamily)}
            {header('interface', 'Interface')}
            {header('scope', 'Scope ID', styles.colScope)}
            <TableHeaderCell className={styles.colActions} sortable={false}>
              <span className={styles.muted}>Actions</span>
            </TableHeaderCell>
          </>
        }
      >
        {loading ? (
          <div className={styles.empty}>
            <Spinner size="small" label="Loading anycast addresses…" />
          </div>
        ) : (
          rows.length === 0 && <EmptyState filter={filter} unavailable={unavailable} query={query} onClearSearch={onClearSearch} />
        )}
      </VirtualTable>
    </section>
  );
}

interface EmptyStateProps {
  filter: NetworkInterface | null;
  unavailable: boolean;
  query: string;
  onClearSearch: (() => void) | undefined;
}

function EmptyState({ filter, unavailable, query, onClearSearch }: EmptyStateProps) {
  const styles = useStyles();
  let title: string;
  let hint: ReactNode;
  if (unavailable) {
    title = 'Anycast addresses could not be read';
    hint = 'The banner or the error message explains why. Select Refresh to try again.';
  } else if (query.trim() !== '') {
    title = `No anycast addresses match “${query.trim()}”`;
    hint = onClearSearch ? (
      <Button size="small" appearance="secondary" onClick={onClearSearch}>
        Clear search
      </Button>
    ) : (
      'Try fewer or different words.'
    );
  } else if (filter) {
    title = `No anycast addresses on ${filter.alias}`;
    hint = 'Add one with the form, or select “All interfaces” to see every address.';
  } else {
    title = 'No anycast addresses on this computer yet';
    hint = 'Use “Add anycast address” to create one.';
  }
  return (
    <div className={styles.empty} role="status">
      <Text weight="semibold">{title}</Text>
      {typeof hint === 'string' ? <Caption1 className={styles.muted}>{hint}</Caption1> : hint}
    </div>
  );
}
