/**
 * Sends a list of requests one at a time, with progress and a way to stop. One at a
 * time because the service runs writes one at a time anyway, and because a stop then
 * means "nothing after this row was sent", which the results can state exactly.
 */

export interface RunProgress {
  done: number;
  total: number;
  /** The item being sent now, in words. */
  current: string;
  stopping: boolean;
}

/** How the screen follows a run and stops it. */
export interface RunControl {
  /** Null once the run is over. */
  onProgress: (progress: RunProgress | null) => void;
  /** Asked before each item: true sends nothing more. */
  stopRequested: () => boolean;
}

/** Resolves with one result per item sent, in order; fewer than the items when stopped. */
export async function runSequence<T, R>(
  items: readonly T[],
  describe: (item: T) => string,
  send: (item: T) => Promise<R>,
  control: RunControl,
): Promise<R[]> {
  const results: R[] = [];
  try {
    for (const item of items) {
      if (control.stopRequested()) break;
      control.onProgress({ done: results.length, total: items.length, current: describe(item), stopping: false });
      results.push(await send(item));
    }
  } finally {
    control.onProgress(null);
  }
  return results;
}
