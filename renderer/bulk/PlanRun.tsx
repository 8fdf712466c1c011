/**
 * Running an ApplyPlan, the same in bulk add and the saved set: the progress bar and
 * Stop while it runs, the report when it is done, and "Remove what was just added".
 * Focus moves to Stop when a run starts and to Close when it ends, since the button
 * that started a step disappears with it.
 */
import { Button } from '@fluentui/react-components';
import { ArrowUndo20Regular, Stop20Regular } from '@fluentui/react-icons';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ApplyPlan } from '../../app/apply-plan';
import type { Dispatcher } from '../state/dispatcher';
import { ApplyReport } from './ApplyReport';
import { RunProgress } from './RunProgress';
import { useBulkApply } from './useBulkApply';

export function usePlanRun(dispatcher: Dispatcher) {
  const bulk = useBulkApply(dispatcher);
  // The plan the run used, frozen: the lists reload underneath while it runs.
  const [ran, setRan] = useState<ApplyPlan | null>(null);
  const stopRef = useRef<HTMLButtonElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const busy = bulk.phase !== null;
  const done = bulk.summary !== null && !busy;
  useEffect(() => {
    if (busy) stopRef.current?.focus();
    else if (done) closeRef.current?.focus();
  }, [busy, done]);

  const start = (plan: ApplyPlan) => {
    setRan(plan);
    void bulk.apply(plan);
  };
  return { bulk, ran, busy, done, start, stopRef, closeRef };
}

export type PlanRun = ReturnType<typeof usePlanRun>;

/** Progress while sending; the report once a run is over; otherwise `children`, the plan's preview. */
export function RunBody({ run, verb, children }: { run: PlanRun; verb: string; children: ReactNode }) {
  const { bulk, busy } = run;
  return (
    <>
      {bulk.progress && <RunProgress progress={bulk.progress} verb={bulk.phase === 'removing' ? 'Removing' : verb} />}
      {bulk.summary && !busy ? (
        <ApplyReport summary={bulk.summary} stopped={bulk.stopped} addedCount={bulk.added.length} removal={bulk.removal} />
      ) : (
        children
      )}
    </>
  );
}

/** Stop while sending; after a run, the undo and Close; before one, the dialog's own buttons (`idle`). */
export function RunActions({ run, onClose, idle }: { run: PlanRun; onClose: () => void; idle: ReactNode }) {
  const { bulk, busy, done, stopRef, closeRef } = run;
  if (busy) {
    return (
      <Button ref={stopRef} icon={<Stop20Regular />} onClick={bulk.stop} disabledFocusable={bulk.progress?.stopping ?? false}>
        Stop
      </Button>
    );
  }
  if (!done) return idle;
  return (
    <>
      {bulk.added.length > 0 && !bulk.removal && (
        <Button icon={<ArrowUndo20Regular />} onClick={() => void bulk.removeAdded()}>
          Remove what was just added
        </Button>
      )}
      <Button ref={closeRef} appearance="primary" onClick={onClose}>
        Close
      </Button>
    </>
  );
}
