import { Badge, Button, Caption1, makeStyles, Spinner, Text, tokens, Tooltip } from '@fluentui/react-components';
import { ArrowClockwise20Regular, GlobeLocation24Filled, Warning16Regular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
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
  failed: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    color: tokens.colorPaletteDarkOrangeForeground1,
    fontVariantNumeric: 'tabular-nums',
  },
});

interface AppHeaderProps {
  status: SystemStatus | null;
  lastUpdated: Date | null;
  /** The newest reload failed at this time; the lists may be out of date. */
  lastFailed: Date | null;
  refreshing: boolean;
  onRefresh: () => void;
  /** Further header commands, placed before Refresh. */
  children?: ReactNode;
}

export function AppHeader({ status, lastUpdated, lastFailed, refreshing, onRefresh, children }: AppHeaderProps) {
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
      <span aria-live="polite">
        {lastFailed && (
          <Caption1 className={styles.failed}>
            <Warning16Regular aria-hidden="true" />
            Could not update at {formatClock(lastFailed)}
          </Caption1>
        )}
      </span>
      {/* Not a live region: it changes with every background poll, which would be read out every 15 seconds. */}
      <Caption1 className={styles.updated} title="Interfaces update as they change; anycast addresses every 15 seconds while the window is shown.">
        {lastUpdated ? `Last updated ${formatClock(lastUpdated)}` : refreshing ? 'Loading…' : ''}
      </Caption1>
      {children}
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
