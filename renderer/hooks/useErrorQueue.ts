/**
 * Failed replies waiting to be shown, one dialog at a time (a refresh can fail in
 * several places at once). Each remembers where focus was, to return it on close.
 */
import { useCallback, useRef, useState, type RefObject } from 'react';
import type { AppError } from '../../app/model';
import { currentFocus, restoreFocus } from '../focus';

interface QueuedError {
  error: AppError;
  returnFocusTo: HTMLElement | null;
}

export interface ErrorQueue {
  current: AppError | null;
  /** `returnFocusTo` defaults to whatever has focus now. */
  report: (error: AppError, returnFocusTo?: HTMLElement | null) => void;
  dismiss: () => void;
}

/** `fallbackFocus` takes focus when the element that had it is gone. */
export function useErrorQueue(fallbackFocus: RefObject<HTMLElement | null>): ErrorQueue {
  const [queue, setQueue] = useState<readonly QueuedError[]>([]);
  // Mirrors the state so dismiss can act on the closed entry outside a state updater.
  const queueRef = useRef(queue);

  const update = useCallback((next: readonly QueuedError[]) => {
    queueRef.current = next;
    setQueue(next);
  }, []);

  const report = useCallback(
    (error: AppError, returnFocusTo?: HTMLElement | null) => {
      const focus = returnFocusTo === undefined ? currentFocus() : returnFocusTo;
      update([...queueRef.current, { error, returnFocusTo: focus }]);
    },
    [update],
  );

  const dismiss = useCallback(() => {
    const [closed, ...rest] = queueRef.current;
    update(rest);
    if (closed && rest.length === 0) restoreFocus(closed.returnFocusTo, fallbackFocus.current);
  }, [update, fallbackFocus]);

  return { current: queue[0]?.error ?? null, report, dismiss };
}
