import { Field, makeStyles, ProgressBar } from '@fluentui/react-components';
import type { RunProgress as Progress } from '../state/runSequence';

const useStyles = makeStyles({ field: { width: '100%' } });

/**
 * The bar's label names the row being sent. It is not a live region: a screen reader
 * would read every row; the summary that follows is announced instead.
 */
export function RunProgress({ progress, verb }: { progress: Progress; verb: string }) {
  const styles = useStyles();
  const label = `${verb} ${Math.min(progress.done + 1, progress.total).toLocaleString('en-US')} of ${progress.total.toLocaleString('en-US')}`;
  return (
    <Field className={styles.field} label={label} hint={progress.stopping ? 'Stopping after this one…' : progress.current}>
      <ProgressBar value={progress.done} max={Math.max(progress.total, 1)} thickness="large" />
    </Field>
  );
}
