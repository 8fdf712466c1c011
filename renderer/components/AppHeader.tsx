import { Badge, Button, Caption1, makeStyles, Spinner, Text, tokens, Tooltip } from '@fluentui/react-components';
import { ArrowClockwise20Regular, GlobeLocation24Filled } from '@fluentui/react-icons';
import type { SystemStatus } from '../../app/model';
import { formatClock } from '../format';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    minHeight: '48px',
    paddingInline: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  icon: {
    display: 'grid',
    placeItems: 'center',
    width: '32px',
    height: '32px',
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForegroundOnBrand,
    backgroundColor: tokens.colorBrandBackground,
  },
  title: { margin: 0 },
  spacer: { flexGrow: 1 },
  updated: { color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums' },
});

interface AppHeaderProps {
  status: SystemStatus | null;
  lastUpdated: Date | null;
  refreshing: boolean;
  onRefresh: () => void;
}

export function AppHeader({ status, lastUpdated, refreshing, onRefresh }: AppHeaderProps) {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <span className={styles.icon} aria-hidden="true">
        <GlobeLocation24Filled />
      </span>
      <Text as="h1" size={400} weight="semibold" className={styles.title}>
        Anycast Manager
      </Text>
      {status && <BackendBadge status={status} />}
      <span className={styles.spacer} />
      <Caption1 className={styles.updated} aria-live="polite">
        {lastUpdated ? `Last updated ${formatClock(lastUpdated)}` : refreshing ? 'Loading…' : ''}
      </Caption1>
      <Tooltip content="Reload interfaces and addresses (F5)" relationship="description">
        <Button
          appearance="subtle"
          icon={refreshing ? <Spinner size="extra-tiny" /> : <ArrowClockwise20Regular />}
          onClick={onRefresh}
          aria-busy={refreshing}
        >
          Refresh
        </Button>
      </Tooltip>
    </header>
  );
}

/** Which backend is live decides whether changes reach this computer, so it is always in view. */
function BackendBadge({ status }: { status: SystemStatus }) {
  const windows = status.backend === 'windows';
  return (
    <Badge appearance="tint" color={windows ? 'brand' : 'warning'} shape="rounded">
      {windows ? 'Windows backend' : 'Simulated backend'}
    </Badge>
  );
}
