/**
 * Sends a list of requests one at a time, with progress and a way to stop. One at a
 * time because the service runs writes one at a time anyway, and because a stop then
 * means "nothing after this row was sent", which the results can state exactly.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface RunProgress {
  done: number;
  total: number;
  /** The item being sent now, in words. */
  current: string;
  stopping: boolean;
}

export interface SequentialRun {
  progress: RunProgress | null;
  /** Resolves with one result per item sent, in order; fewer than the items when stopped. */
  run: <T, R>(items: readonly T[], describe: (item: T) => string, send: (item: T) => Promise<R>) => Promise<R[]>;
  /** The request in flight finishes; nothing after it is sent. */
  stop: () => void;
}

export function useSequentialRun(): SequentialRun {
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const stopping = useRef(false);

  // A dialog closed mid-run (the window closing, say) sends nothing more.
  useEffect(
    () => () => {
      stopping.current = true;
    },
    [],
  );

  const run = useCallback(async <T, R>(items: readonly T[], describe: (item: T) => string, send: (item: T) => Promise<R>) => {
    stopping.current = false;
    const results: R[] = [];
    try {
      for (const item of items) {
        if (stopping.current) break;
        setProgress({ done: results.length, total: items.length, current: describe(item), stopping: false });
        results.push(await send(item));
      }
    } finally {
      setProgress(null);
    }
    return results;
  }, []);

  const stop = useCallback(() => {
    stopping.current = true;
    setProgress((p) => p && { ...p, stopping: true });
  }, []);

  return { progress, run, stop };
}
