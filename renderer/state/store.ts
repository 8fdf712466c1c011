/**
 * What the main screen shows, held outside React: the system status, the interfaces
 * and the anycast entries, with when they were last read. Components read it through
 * useAppSnapshot (useSyncExternalStore); only the dispatcher writes it.
 */
import type { AnycastEntry, NetworkInterface, SystemStatus } from '../../app/model';

export interface AppSnapshot {
  status: SystemStatus | null;
  interfaces: NetworkInterface[];
  entries: AnycastEntry[];
  /** The last attempt to list anycast entries failed, so `entries` may be stale or empty. */
  entriesUnavailable: boolean;
  /** Nothing has arrived yet. */
  loading: boolean;
  /** A reload the person asked for is running. */
  refreshing: boolean;
  /** When everything was last read successfully. */
  lastUpdated: Date | null;
  /** When the newest reload failed in some part; null once one succeeds again. */
  lastFailed: Date | null;
}

export const INITIAL_SNAPSHOT: AppSnapshot = {
  status: null,
  interfaces: [],
  entries: [],
  entriesUnavailable: false,
  loading: true,
  refreshing: true,
  lastUpdated: null,
  lastFailed: null,
};

export interface AppStore {
  getSnapshot: () => AppSnapshot;
  subscribe: (listener: () => void) => () => void;
  /** Replaces the fields given; listeners run once per update. */
  update: (change: Partial<AppSnapshot>) => void;
}

export function createStore(initial: AppSnapshot = INITIAL_SNAPSHOT): AppStore {
  let snapshot = initial;
  const listeners = new Set<() => void>();
  return {
    getSnapshot: () => snapshot,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update: (change) => {
      snapshot = { ...snapshot, ...change };
      for (const listener of listeners) listener();
    },
  };
}
