/** What a bulk run did: the counts (announced), the undo's outcome, and every row's result. */
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';
import type { ApplySummary } from '../../app/bulk-import';
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
  return (
    <>
      <div className={styles.summary} role="status">
        <Text weight="semibold">
          {stopped ? 'Stopped' : 'Done'}: {resultCountsText(summary.counts)}
        </Text>
        {summary.counts.failed > 0 && (
          <Text size={200}>The rows that failed say why below; the others were applied as shown.</Text>
        )}
      </div>
      {removal && <RemovalNotice removal={removal} addedCount={addedCount} />}
      <OutcomeTable label="Results" statusHeading="Result" rows={resultOutcomeRows(summary)} />
    </>
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
