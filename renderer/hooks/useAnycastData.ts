/**
 * Loads what the screen shows (system status, interfaces, anycast entries) and
 * reloads it on demand. Each read is independent: a failed anycast list must not
 * hide the interfaces, so each part keeps its last good value.
 *
 * Reloads the person asked for report failures in the error dialog. Background
 * reloads (interface events, the poll) never open a dialog: one every 15 seconds
 * would bury the screen. Their failures show as `lastFailed` beside the clock.
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
  /** A reload the person asked for is running. */
  refreshing: boolean;
  /** When everything was last read successfully. */
  lastUpdated: Date | null;
  /** When the newest reload failed in some part; null once one succeeds again. */
  lastFailed: Date | null;
  refresh: () => Promise<void>;
  /** A background reload; skipped while another reload is running. */
  refreshQuietly: () => Promise<void>;
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
  const [lastFailed, setLastFailed] = useState<Date | null>(null);
  // Only the newest load may write state, so a slow earlier reply cannot overwrite a newer one.
  const generation = useRef(0);
  const inFlight = useRef(0);

  const apply = useCallback(
    ([statusReply, interfacesReply, entriesReply]: Snapshot, mine: number, quiet: boolean) => {
      if (mine !== generation.current) return;
      if (statusReply.ok) setStatus(statusReply.value);
      // An unchanged list keeps its identity, so a poll that found nothing new re-sorts and re-renders nothing.
      if (interfacesReply.ok) setInterfaces((old) => (sameJson(old, interfacesReply.value) ? old : interfacesReply.value));
      if (entriesReply.ok) setEntries((old) => (sameJson(old, entriesReply.value) ? old : entriesReply.value));
      setEntriesUnavailable(!entriesReply.ok);
      const allOk = statusReply.ok && interfacesReply.ok && entriesReply.ok;
      if (allOk) setLastUpdated(new Date());
      setLastFailed(allOk ? null : new Date());
      setLoading(false);
      setRefreshing(false);
      if (quiet) return;

      // A refresh that failed as a whole is one error, though it stands for every part.
      if (!statusReply.ok) reportError(statusReply.error);
      if (!interfacesReply.ok && interfacesReply !== statusReply) reportError(interfacesReply.error);
      // Without the anycast functions the list always fails; the status banner already says why.
      const apiKnownMissing = statusReply.ok && !statusReply.value.anycastApi;
      if (!entriesReply.ok && entriesReply !== statusReply && !apiKnownMissing) reportError(entriesReply.error);
    },
    [reportError],
  );

  const load = useCallback(
    async (quiet: boolean) => {
      const mine = ++generation.current;
      inFlight.current++;
      try {
        apply(await readSnapshot(api), mine, quiet);
      } finally {
        inFlight.current--;
      }
    },
    [api, apply],
  );

  const refresh = useCallback(async () => {
    setRefreshing(true);
    await load(false);
  }, [load]);

  const refreshQuietly = useCallback(async () => {
    if (inFlight.current > 0) return;
    await load(true);
  }, [load]);

  useEffect(() => {
    void load(false);
  }, [load]);

  return { status, interfaces, entries, entriesUnavailable, loading, refreshing, lastUpdated, lastFailed, refresh, refreshQuietly };
}

type Snapshot = [Reply<'getStatus'>, Reply<'listInterfaces'>, Reply<'listAnycast'>];

/** One request, so main reads each table once; a reply that failed as a whole stands for every part. */
async function readSnapshot(api: AnycastApi): Promise<Snapshot> {
  const reply = await api.getSnapshot({});
  if (!reply.ok) return [reply, reply, reply];
  const { status, interfaces, entries } = reply.value;
  return [{ ok: true, value: status }, interfaces, entries];
}

/** Lists of plain records as the API returns them: equal text, equal content. */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
