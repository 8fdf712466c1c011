/**
 * Applying a previewed list: createAnycast for each ready row through the normal API,
 * then every row's result (summariseApply), and afterwards the undo for the run:
 * deleting exactly the entries this run added, nothing that was there before.
 */
import { useCallback, useState } from 'react';
import { rowsToApply, type ApplyPlan } from '../../app/apply-plan';
import { summariseApply, type ApplySummary, type CreateOutcome } from '../../app/apply-summary';
import type { AppError } from '../../app/model';
import type { Dispatcher, PlannedChange } from '../state/dispatcher';
import type { RunProgress } from '../state/runSequence';
import { useRunControl } from './useRunControl';

/** An entry the run added, named for progress and failure messages. */
export type AddedEntry = PlannedChange;

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

/** The dispatcher sends the rows and re-reads the lists after each run. */
export function useBulkApply(dispatcher: Dispatcher): BulkApply {
  const { progress, start, stop } = useRunControl();
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
      const changes = requests.map((r) => ({ key: r.request, label: labels.get(r.row) ?? '' }));
      const replies = await dispatcher.applyPlan(changes, start());
      const outcomes = new Map<number, CreateOutcome>(replies.map((reply, i) => [requests[i]!.row, reply]));
      setSummary(summariseApply(preview, outcomes));
      setStopped(replies.length < requests.length);
      setAdded(changes.filter((_, i) => replies[i]?.ok));
      setRemoval(null);
      setPhase(null);
    },
    [dispatcher, start],
  );

  const removeAdded = useCallback(async () => {
    setPhase('removing');
    const replies = await dispatcher.removeAdded(added, start());
    const failures = replies.flatMap((reply, i) => (reply.ok ? [] : [{ entry: added[i]!, error: reply.error }]));
    const unrecorded = replies.flatMap((reply, i) => (reply.ok && reply.warning ? [{ entry: added[i]!, warning: reply.warning }] : []));
    setRemoval({ removed: replies.length - failures.length, failures, unrecorded, stopped: replies.length < added.length });
    setPhase(null);
  }, [added, dispatcher, start]);

  return { phase, progress, stop, summary, stopped, added, removal, apply, removeAdded };
}
