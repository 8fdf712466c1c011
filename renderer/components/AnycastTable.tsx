/**
 * The anycast entries as a table with a Delete action per row. Large lists render
 * only the rows in view (spacer rows keep the scroll height), while aria-rowcount
 * and aria-rowindex tell assistive technology the real size and position.
 */
import {
  Badge,
  Button,
  Caption1,
  makeStyles,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Delete20Regular, Dismiss12Regular } from '@fluentui/react-icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useId, useRef, type ReactNode, type Ref } from 'react';
import { entryKey, interfaceLabel, type AnycastEntry, type NetworkInterface } from '../../app/model';
import { FAMILY_LABEL, pluralize } from '../format';

/** Below this many rows plain rendering is cheap and simplest for every browser feature (find, print, focus). */
export const VIRTUALIZE_ABOVE = 200;
export const ROW_HEIGHT = 32;
const HEADER_HEIGHT = 32;
const COLUMN_COUNT = 5;

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', minHeight: 0, minWidth: 0, gap: tokens.spacingVerticalS },
  titleBar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', minHeight: '28px' },
  heading: { margin: 0, outlineOffset: '2px' },
  count: { color: tokens.colorNeutralForeground3 },
  scroller: {
    flexGrow: 1,
    overflow: 'auto',
    minHeight: '160px',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  table: { tableLayout: 'fixed', minWidth: '560px' },
  headRow: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1, height: `${HEADER_HEIGHT}px` },
  row: { height: `${ROW_HEIGHT}px` },
  address: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  ellipsis: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  number: { fontVariantNumeric: 'tabular-nums' },
  spacer: { padding: 0, border: 'none' },
  colFamily: { width: '80px' },
  colInterface: { width: '34%' },
  colScope: { width: '88px' },
  colActions: { width: '104px' },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}`,
    textAlign: 'center',
  },
});

export interface AnycastRowView {
  entry: AnycastEntry;
  /** Undefined when the entry names an interface the list no longer has. */
  iface: NetworkInterface | undefined;
}

/** How a person names the interface of a row, even one that has disappeared from the list. */
export function aliasOf(row: AnycastRowView): string {
  return row.iface?.alias ?? `interface ${row.entry.interfaceIndex}`;
}

interface AnycastTableProps {
  rows: AnycastRowView[];
  /** The interface the table is filtered to, or null for all. */
  filter: NetworkInterface | null;
  onShowAll: () => void;
  onDelete: (row: AnycastRowView, trigger: HTMLElement) => void;
  loading: boolean;
  /** The last listing failed: say so rather than "no addresses". */
  unavailable: boolean;
  /** Focus lands on the heading when the row that had it is gone (after a delete). */
  headingRef?: Ref<HTMLHeadingElement>;
}

export function AnycastTable({ rows, filter, onShowAll, onDelete, loading, unavailable, headingRef }: AnycastTableProps) {
  const styles = useStyles();
  const headingId = useId();
  const scrollerRef = useRef<HTMLDivElement>(null);
  const virtual = rows.length > VIRTUALIZE_ABOVE;
  const virtualizer = useVirtualizer({
    count: rows.length,
    enabled: virtual,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => ROW_HEIGHT,
    paddingStart: HEADER_HEIGHT,
    overscan: 12,
    // Until the scroller is measured (and where it never is, as in jsdom), assume a typical window.
    initialRect: { width: 800, height: 600 },
  });

  let visible: Array<{ row: AnycastRowView; index: number }>;
  let padTop = 0;
  let padBottom = 0;
  if (virtual) {
    const items = virtualizer.getVirtualItems();
    visible = items.map((item) => ({ row: rows[item.index]!, index: item.index }));
    const first = items[0]?.index ?? 0;
    const last = items[items.length - 1]?.index ?? -1;
    padTop = first * ROW_HEIGHT;
    padBottom = (rows.length - 1 - last) * ROW_HEIGHT;
  } else {
    visible = rows.map((row, index) => ({ row, index }));
  }

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
        {!loading && <Caption1 className={styles.count}>{pluralize(rows.length, 'address', 'addresses')}</Caption1>}
      </div>
      <div className={styles.scroller} ref={scrollerRef}>
        <Table aria-labelledby={headingId} aria-rowcount={rows.length + 1} aria-busy={loading} size="extra-small" className={styles.table}>
          <TableHeader className={styles.headRow}>
            <TableRow aria-rowindex={1}>
              <TableHeaderCell>Address</TableHeaderCell>
              <TableHeaderCell className={styles.colFamily}>Family</TableHeaderCell>
              <TableHeaderCell className={styles.colInterface}>Interface</TableHeaderCell>
              <TableHeaderCell className={styles.colScope}>Scope ID</TableHeaderCell>
              <TableHeaderCell className={styles.colActions}>
                <span className={styles.muted}>Actions</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {padTop > 0 && <SpacerRow height={padTop} className={styles.spacer} />}
            {visible.map(({ row, index }) => (
              <TableRow key={entryKey(row.entry)} aria-rowindex={index + 2} className={styles.row}>
                <TableCell className={styles.address} title={row.entry.address}>
                  {row.entry.address}
                </TableCell>
                <TableCell>
                  <Badge appearance="tint" color="brand" size="small" shape="rounded">
                    {FAMILY_LABEL[row.entry.family]}
                  </Badge>
                </TableCell>
                <TableCell className={styles.ellipsis}>
                  {aliasOf(row)} <span className={styles.muted}>(index {row.entry.interfaceIndex})</span>
                </TableCell>
                <TableCell className={styles.number}>{row.entry.scopeId}</TableCell>
                <TableCell>
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<Delete20Regular />}
                    aria-label={`Delete ${row.entry.address} from ${aliasOf(row)}`}
                    onClick={(event) => onDelete(row, event.currentTarget)}
                  >
                    Delete
                  </Button>
                </TableCell>
              </TableRow>
            ))}
            {padBottom > 0 && <SpacerRow height={padBottom} className={styles.spacer} />}
          </TableBody>
        </Table>
        {loading ? (
          <div className={styles.empty}>
            <Spinner size="small" label="Loading anycast addresses…" />
          </div>
        ) : (
          rows.length === 0 && <EmptyState filter={filter} unavailable={unavailable} />
        )}
      </div>
    </section>
  );
}

function SpacerRow({ height, className }: { height: number; className: string }) {
  return (
    <tr aria-hidden="true" style={{ height }}>
      <td className={className} colSpan={COLUMN_COUNT} />
    </tr>
  );
}

function EmptyState({ filter, unavailable }: { filter: NetworkInterface | null; unavailable: boolean }) {
  const styles = useStyles();
  let title: string;
  let hint: ReactNode;
  if (unavailable) {
    title = 'Anycast addresses could not be read';
    hint = 'The banner or the error message explains why. Select Refresh to try again.';
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
      <Caption1 className={styles.muted}>{hint}</Caption1>
    </div>
  );
}
