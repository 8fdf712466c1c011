/** One audit record as a table row: the outcome as a badge, a failure's code beside it. */
import { Badge, makeStyles, mergeClasses, TableCell, TableRow, tokens } from '@fluentui/react-components';
import type { AuditRecord } from '../../app/audit';
import { formatDateTime } from '../format';
import type { VirtualRowProps } from '../tables/VirtualTable';
import { OPERATION_LABEL, OUTCOME_LABEL, outcomeOf, type Outcome } from './auditView';

const useStyles = makeStyles({
  cell: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  // A long IPv6 address wraps inside its column rather than being cut.
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  wraps: { overflowWrap: 'break-word' },
  result: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

const BADGE_COLOR: Readonly<Record<Outcome, 'success' | 'danger' | 'warning'>> = { success: 'success', failure: 'danger', unrecorded: 'warning' };

export function AuditRow({ record, rowProps }: { record: AuditRecord; rowProps: VirtualRowProps }) {
  const styles = useStyles();
  const outcome = outcomeOf(record);
  const detail = outcome === 'failure' ? `${record.result} (${record.resultCode})` : outcome === 'unrecorded' ? 'the change may or may not have been made' : null;
  const when = new Date(record.time);
  const iface = record.interfaceLabel || `LUID ${record.interfaceLuid}`;
  return (
    <TableRow {...rowProps}>
      <TableCell className={styles.cell} title={record.time}>
        {Number.isNaN(when.getTime()) ? record.time : formatDateTime(when)}
      </TableCell>
      <TableCell className={styles.cell} title={record.user}>{record.user}</TableCell>
      <TableCell className={styles.cell} title={record.machine}>{record.machine}</TableCell>
      <TableCell className={styles.cell}>{OPERATION_LABEL[record.operation]}</TableCell>
      <TableCell className={styles.mono} title={record.address}>{record.address}</TableCell>
      <TableCell className={styles.wraps}>{iface}</TableCell>
      <TableCell className={styles.wraps}>
        <span className={styles.result} title={detail ?? undefined}>
          <Badge appearance="tint" shape="rounded" color={BADGE_COLOR[outcome]}>
            {OUTCOME_LABEL[outcome]}
          </Badge>
          {detail && <span className={mergeClasses(styles.wraps, styles.muted)}>{detail}</span>}
        </span>
      </TableCell>
    </TableRow>
  );
}
