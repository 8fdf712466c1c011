import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { NetworkInterface } from '../../app/model';
import { FAMILY_LABEL, stacksOf } from '../format';

const useStyles = makeStyles({
  group: { display: 'inline-flex', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  none: { color: tokens.colorNeutralForeground3 },
});

/** The IP stacks an interface carries, as the badges the picker and the table share. */
export function StackBadges({ iface }: { iface: Pick<NetworkInterface, 'ipv4' | 'ipv6'> }) {
  const styles = useStyles();
  const stacks = stacksOf(iface);
  if (stacks.length === 0) return <span className={styles.none}>None</span>;
  return (
    <span className={styles.group}>
      {stacks.map((family) => (
        <Badge key={family} appearance="tint" color="brand" size="small" shape="rounded">
          {FAMILY_LABEL[family]}
        </Badge>
      ))}
    </span>
  );
}
