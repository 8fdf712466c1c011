import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { OperStatus } from '../../app/model';
import { OPER_STATUS_LABEL, operStatusTone } from '../format';

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalSNudge, whiteSpace: 'nowrap' },
  dot: { width: '8px', height: '8px', borderRadius: tokens.borderRadiusCircular, flexShrink: 0 },
  up: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  down: { backgroundColor: tokens.colorPaletteRedBackground3 },
  other: { backgroundColor: tokens.colorNeutralForeground3 },
});

/** The status as a word; the dot only repeats it in colour. */
export function OperStatusLabel({ status }: { status: OperStatus }) {
  const styles = useStyles();
  return (
    <span className={styles.root}>
      <span aria-hidden="true" className={mergeClasses(styles.dot, styles[operStatusTone(status)])} />
      {OPER_STATUS_LABEL[status]}
    </span>
  );
}
