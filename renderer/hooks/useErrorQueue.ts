/**
 * Failed replies, and warnings that came with a success, waiting to be shown, one
 * dialog at a time (a refresh can fail in several places at once). Each remembers
 * where focus was, to return it on close.
 */
import { useCallback, useRef, useState, type RefObject } from 'react';
import type { AppError } from '../../app/model';
import { currentFocus, restoreFocus } from '../focus';

export type NoticeTone = 'error' | 'warning';

interface QueuedError {
  error: AppError;
  tone: NoticeTone;
  returnFocusTo: HTMLElement | null;
}

export interface ErrorQueue {
  current: AppError | null;
  currentTone: NoticeTone;
  /** `returnFocusTo` defaults to whatever has focus now. */
  report: (error: AppError, returnFocusTo?: HTMLElement | null) => void;
  /** A request that was carried out with something the person must know (a change not on record). */
  warn: (warning: AppError, returnFocusTo?: HTMLElement | null) => void;
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

  const enqueue = useCallback(
    (tone: NoticeTone, error: AppError, returnFocusTo?: HTMLElement | null) => {
      const focus = returnFocusTo === undefined ? currentFocus() : returnFocusTo;
      update([...queueRef.current, { error, tone, returnFocusTo: focus }]);
    },
    [update],
  );
  const report = useCallback((error: AppError, returnFocusTo?: HTMLElement | null) => enqueue('error', error, returnFocusTo), [enqueue]);
  const warn = useCallback((warning: AppError, returnFocusTo?: HTMLElement | null) => enqueue('warning', warning, returnFocusTo), [enqueue]);

  const dismiss = useCallback(() => {
    const [closed, ...rest] = queueRef.current;
    update(rest);
    if (closed && rest.length === 0) restoreFocus(closed.returnFocusTo, fallbackFocus.current);
  }, [update, fallbackFocus]);

  return { current: queue[0]?.error ?? null, currentTone: queue[0]?.tone ?? 'error', report, warn, dismiss };
}
