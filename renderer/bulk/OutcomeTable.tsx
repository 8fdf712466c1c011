/**
 * One table for both halves of a bulk run: the preview (what each row would do) and
 * the results (what it did). Every row says where it came from, so a person can find
 * it in their file, and why it was refused or skipped, in full (reasons wrap).
 * Long lists render only the rows in view; rows are measured because reasons wrap.
 */
import { Badge, makeStyles, mergeClasses, TableCell, TableHeaderCell, TableRow, tokens, type BadgeProps } from '@fluentui/react-components';
import { VirtualTable, type VirtualRowProps } from '../tables/VirtualTable';

export type OutcomeTone = 'success' | 'informative' | 'warning' | 'danger' | 'brand';

export interface OutcomeRow {
  key: number;
  /** "Line 4", "Entry 3". */
  location: string;
  address?: string;
  interfaceLabel?: string;
  /** Shown with the reason when the address could not be read, so the row is still recognisable. */
  raw: string;
  status: string;
  tone: OutcomeTone;
  reason?: string;
  warnings: string[];
}

const ROW_GUESS = 34;
const COLUMN_COUNT = 4;

const useStyles = makeStyles({
  scroller: { minHeight: '120px', flexGrow: 1 },
  table: { minWidth: '640px' },
  cell: { verticalAlign: 'top', paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  colLine: { width: '76px' },
  colAddress: { width: '22%' },
  colInterface: { width: '22%' },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  raw: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  status: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: '2px' },
  reason: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  muted: { color: tokens.colorNeutralForeground3 },
  // Fluent colours a hovered row Highlight in contrast themes, which reads as a link; these rows do nothing on a click.
  row: { '@media (forced-colors: active)': { ':hover': { color: 'CanvasText' } } },
});

export function OutcomeTable({ label, rows, statusHeading }: { label: string; rows: readonly OutcomeRow[]; statusHeading: string }) {
  const styles = useStyles();
  const renderRow = (index: number, rowProps: VirtualRowProps) => {
    const row = rows[index]!;
    return (
      <TableRow key={row.key} {...rowProps} className={styles.row}>
        <TableCell className={styles.cell}>{row.location}</TableCell>
        {/* Only an address that was read goes here; the raw line goes with the reason it was refused. */}
        <TableCell className={mergeClasses(styles.cell, styles.mono)}>{row.address ?? <span className={styles.muted}>—</span>}</TableCell>
        <TableCell className={styles.cell}>{row.interfaceLabel ?? <span className={styles.muted}>—</span>}</TableCell>
        <TableCell className={styles.cell}>
          <div className={styles.status}>
            <Badge appearance="tint" shape="rounded" size="medium" color={row.tone satisfies BadgeProps['color']}>
              {row.status}
            </Badge>
            {row.reason && <span className={styles.reason}>{row.reason}</span>}
            {row.address === undefined && <span className={styles.raw}>Read: {row.raw || '(empty)'}</span>}
            {row.warnings.map((w) => (
              <span key={w} className={styles.warning}>
                {w}
              </span>
            ))}
          </div>
        </TableCell>
      </TableRow>
    );
  };
  return (
    <VirtualTable
      aria-label={label}
      // Nothing in the rows takes focus; the region does, so the keyboard can scroll every row's reason into view.
      regionLabel={label}
      rowCount={rows.length}
      columns={COLUMN_COUNT}
      rowHeight={ROW_GUESS}
      measured
      className={styles.scroller}
      tableClassName={styles.table}
      renderRow={renderRow}
      header={
        <>
          <TableHeaderCell className={styles.colLine}>Row</TableHeaderCell>
          <TableHeaderCell className={styles.colAddress}>Address</TableHeaderCell>
          <TableHeaderCell className={styles.colInterface}>Interface</TableHeaderCell>
          <TableHeaderCell>{statusHeading}</TableHeaderCell>
        </>
      }
    />
  );
}
