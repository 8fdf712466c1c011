/** A run's progress as React state, and its Stop button; the run itself is the dispatcher's. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RunControl, RunProgress } from '../state/runSequence';

export function useRunControl() {
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const stopping = useRef(false);

  // A dialog closed mid-run (the window closing, say) sends nothing more.
  useEffect(
    () => () => {
      stopping.current = true;
    },
    [],
  );

  /** A fresh control for each run. */
  const start = useCallback((): RunControl => {
    stopping.current = false;
    return { onProgress: setProgress, stopRequested: () => stopping.current };
  }, []);

  /** The request in flight finishes; nothing after it is sent. */
  const stop = useCallback(() => {
    stopping.current = true;
    setProgress((p) => p && { ...p, stopping: true });
  }, []);

  return useMemo(() => ({ progress, start, stop }), [progress, start, stop]);
}
