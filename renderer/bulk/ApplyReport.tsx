/** What a bulk run did: the counts (announced), the undo's outcome, and every row's result. */
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';
import type { ApplySummary } from '../../app/apply-summary';
import { pluralize } from '../format';
import { OutcomeTable } from './OutcomeTable';
import { resultCountsText, resultOutcomeRows } from './outcomeRows';
import type { Removal } from './useBulkApply';

const useStyles = makeStyles({
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

interface ApplyReportProps {
  summary: ApplySummary;
  stopped: boolean;
  addedCount: number;
  removal: Removal | null;
}

export function ApplyReport({ summary, stopped, addedCount, removal }: ApplyReportProps) {
  const styles = useStyles();
  const unrecorded = summary.rows.filter((row) => row.warning !== undefined).length;
  return (
    <>
      <div className={styles.summary} role="status">
        <Text weight="semibold">
          {stopped ? 'Stopped' : 'Done'}: {resultCountsText(summary.counts)}
        </Text>
        {summary.counts.failed > 0 && (
          <Text size={200}>The rows that failed say why below; the others were applied as shown.</Text>
        )}
        {unrecorded > 0 && (
          <Text size={200}>
            {pluralize(unrecorded, 'address was', 'addresses were')} added with the result not on record in the audit log; the rows say why.
          </Text>
        )}
      </div>
      {removal && <RemovalNotice removal={removal} addedCount={addedCount} />}
      {removal && removal.unrecorded.length > 0 && <UnrecordedRemovals removal={removal} />}
      <OutcomeTable label="Results" statusHeading="Result" rows={resultOutcomeRows(summary)} />
    </>
  );
}

function UnrecordedRemovals({ removal }: { removal: Removal }) {
  const styles = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{pluralize(removal.unrecorded.length, 'removal is', 'removals are')} not on record in the audit log</MessageBarTitle>
        <ul className={styles.list}>
          {removal.unrecorded.map(({ entry, warning }) => (
            <li key={`${entry.key.interfaceLuid}/${entry.key.address}`}>
              {entry.label}: {warning.what}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

function RemovalNotice({ removal, addedCount }: { removal: Removal; addedCount: number }) {
  const styles = useStyles();
  if (removal.failures.length === 0 && !removal.stopped) {
    return (
      <MessageBar intent="success">
        <MessageBarBody>Removed the {pluralize(removal.removed, 'address', 'addresses')} this run added.</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent={removal.failures.length > 0 ? 'error' : 'warning'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          Removed {removal.removed.toLocaleString('en-US')} of {pluralize(addedCount, 'added address', 'added addresses')}
          {removal.stopped ? ' (stopped)' : ''}
        </MessageBarTitle>
        {removal.failures.length > 0 && (
          <ul className={styles.list}>
            {removal.failures.map(({ entry, error }) => (
              <li key={`${entry.key.interfaceLuid}/${entry.key.address}`}>
                {entry.label}: {error.title} ({error.code} {error.symbol})
              </li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
