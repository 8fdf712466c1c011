/**
 * Applying a previewed list: createAnycast for each ready row through the normal API,
 * then every row's result (summariseApply), and afterwards the undo for the run:
 * deleting exactly the entries this run added, nothing that was there before.
 */
import { useCallback, useState } from 'react';
import { rowsToApply, type ApplyPlan } from '../../app/apply-plan';
import { summariseApply, type ApplySummary, type CreateOutcome } from '../../app/apply-summary';
import type { AnycastApi, AnycastKey } from '../../app/ipc-contract';
import type { AppError } from '../../app/model';
import { useSequentialRun, type RunProgress } from './useSequentialRun';

export interface AddedEntry {
  key: AnycastKey;
  /** "192.0.2.10 on Ethernet", for progress and failure messages. */
  label: string;
}

export interface Removal {
  removed: number;
  failures: Array<{ entry: AddedEntry; error: AppError }>;
  /** Removed, with the outcome not on record in the audit log. */
  unrecorded: Array<{ entry: AddedEntry; warning: AppError }>;
  /** Stopped before every added entry was tried. */
  stopped: boolean;
}

type BulkPhase = 'adding' | 'removing';

export interface BulkApply {
  phase: BulkPhase | null;
  progress: RunProgress | null;
  stop: () => void;
  summary: ApplySummary | null;
  /** The run stopped before every ready row was sent. */
  stopped: boolean;
  added: AddedEntry[];
  removal: Removal | null;
  apply: (preview: ApplyPlan) => Promise<void>;
  removeAdded: () => Promise<void>;
}

/** `onChanged` reloads the lists after each run; it should be stable. */
export function useBulkApply(api: AnycastApi, onChanged: () => void): BulkApply {
  const { progress, run, stop } = useSequentialRun();
  const [phase, setPhase] = useState<BulkPhase | null>(null);
  const [summary, setSummary] = useState<ApplySummary | null>(null);
  const [stopped, setStopped] = useState(false);
  const [added, setAdded] = useState<AddedEntry[]>([]);
  const [removal, setRemoval] = useState<Removal | null>(null);

  const apply = useCallback(
    async (preview: ApplyPlan) => {
      const requests = rowsToApply(preview);
      const labels = new Map(preview.rows.map((r) => [r.row, `${r.address ?? ''} on ${r.interface?.alias ?? ''}`]));
      setPhase('adding');
      const replies = await run(requests, (r) => labels.get(r.row) ?? '', (r) => api.createAnycast(r.request));
      const outcomes = new Map<number, CreateOutcome>(replies.map((reply, i) => [requests[i]!.row, reply]));
      setSummary(summariseApply(preview, outcomes));
      setStopped(replies.length < requests.length);
      setAdded(requests.flatMap((r, i) => (replies[i]?.ok ? [{ key: r.request, label: labels.get(r.row) ?? '' }] : [])));
      setRemoval(null);
      setPhase(null);
      onChanged();
    },
    [api, onChanged, run],
  );

  const removeAdded = useCallback(async () => {
    setPhase('removing');
    const replies = await run(added, (a) => a.label, (a) => api.deleteAnycast(a.key));
    const failures = replies.flatMap((reply, i) => (reply.ok ? [] : [{ entry: added[i]!, error: reply.error }]));
    const unrecorded = replies.flatMap((reply, i) => (reply.ok && reply.warning ? [{ entry: added[i]!, warning: reply.warning }] : []));
    setRemoval({ removed: replies.length - failures.length, failures, unrecorded, stopped: replies.length < added.length });
    setPhase(null);
    onChanged();
  }, [added, api, onChanged, run]);

  return { phase, progress, stop, summary, stopped, added, removal, apply, removeAdded };
}
