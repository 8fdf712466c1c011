/**
 * Loads what the screen shows (system status, interfaces, anycast entries) and
 * reloads it on demand. Each read is independent: a failed anycast list must not
 * hide the interfaces, so each part keeps its last good value.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnycastApi, Reply } from '../../app/ipc-contract';
import type { AnycastEntry, AppError, NetworkInterface, SystemStatus } from '../../app/model';

export interface AnycastData {
  status: SystemStatus | null;
  interfaces: NetworkInterface[];
  entries: AnycastEntry[];
  /** The last attempt to list anycast entries failed, so `entries` may be stale or empty. */
  entriesUnavailable: boolean;
  /** Nothing has arrived yet. */
  loading: boolean;
  refreshing: boolean;
  lastUpdated: Date | null;
  refresh: () => Promise<void>;
}

/** `reportError` should be stable (memoised): it is a dependency of `refresh`. */
export function useAnycastData(api: AnycastApi, reportError: (error: AppError) => void): AnycastData {
  const [status, setStatus] = useState<SystemStatus | null>(null);
  const [interfaces, setInterfaces] = useState<NetworkInterface[]>([]);
  const [entries, setEntries] = useState<AnycastEntry[]>([]);
  const [entriesUnavailable, setEntriesUnavailable] = useState(false);
  const [loading, setLoading] = useState(true);
  const [refreshing, setRefreshing] = useState(true);
  const [lastUpdated, setLastUpdated] = useState<Date | null>(null);
  // Only the newest load may write state, so a slow earlier reply cannot overwrite a newer one.
  const generation = useRef(0);

  const apply = useCallback(
    ([statusReply, interfacesReply, entriesReply]: Snapshot, mine: number) => {
      if (mine !== generation.current) return;
      if (statusReply.ok) setStatus(statusReply.value);
      if (interfacesReply.ok) setInterfaces(interfacesReply.value);
      if (entriesReply.ok) setEntries(entriesReply.value);
      setEntriesUnavailable(!entriesReply.ok);
      if (statusReply.ok && interfacesReply.ok && entriesReply.ok) setLastUpdated(new Date());
      setLoading(false);
      setRefreshing(false);

      if (!statusReply.ok) reportError(statusReply.error);
      if (!interfacesReply.ok) reportError(interfacesReply.error);
      // Without the anycast functions the list always fails; the status banner already says why.
      const apiKnownMissing = statusReply.ok && !statusReply.value.anycastApi;
      if (!entriesReply.ok && !apiKnownMissing) reportError(entriesReply.error);
    },
    [reportError],
  );

  const refresh = useCallback(async () => {
    const mine = ++generation.current;
    setRefreshing(true);
    apply(await readSnapshot(api), mine);
  }, [api, apply]);

  useEffect(() => {
    const mine = ++generation.current;
    void readSnapshot(api).then((snapshot) => apply(snapshot, mine));
  }, [api, apply]);

  return { status, interfaces, entries, entriesUnavailable, loading, refreshing, lastUpdated, refresh };
}

type Snapshot = [Reply<'getStatus'>, Reply<'listInterfaces'>, Reply<'listAnycast'>];

function readSnapshot(api: AnycastApi): Promise<Snapshot> {
  return Promise.all([api.getStatus({}), api.listInterfaces({}), api.listAnycast({})]);
}
