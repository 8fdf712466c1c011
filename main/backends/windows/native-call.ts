/**
 * How the backend calls into the system DLLs. Electron's main thread routes every input
 * event and IPC message of the app, so a call that waits on the network stack (a table
 * read on a machine full of virtual adapters can take seconds) must not run on it.
 * koffi's .async runs the call on a libuv worker thread and copies out and in/out
 * parameters back into the JavaScript values passed before its callback runs on the
 * main thread.
 */
import type { LibraryHandle } from 'koffi';

export type NativeFunction = ReturnType<LibraryHandle['func']>;

/** Runs one bound function with its arguments and resolves with what it returned. */
export type NativeCall = (fn: NativeFunction, args: unknown[]) => Promise<unknown>;

/** The backend's way: on a libuv worker thread. */
export const onWorkerThread: NativeCall = (fn, args) =>
  new Promise((resolve, reject) => {
    fn.async(...args, (error: unknown, result: unknown) => (error ? reject(error) : resolve(result)));
  });

/** Calls at least this long are reported: the first runs on real machines show which ones are slow there. */
export const SLOW_CALL_MS = 50;

/** Told of each call that took SLOW_CALL_MS or longer, with its function name and milliseconds. */
export type SlowCallLog = (name: string, ms: number) => void;

export interface NativeCallOptions {
  call?: NativeCall;
  onSlowCall?: SlowCallLog;
}

/** `fn` as an async function made through `call`, timed from the request to the result. */
export function asyncFunction(name: string, fn: NativeFunction, options: NativeCallOptions): (...args: unknown[]) => Promise<unknown> {
  const call = options.call ?? onWorkerThread;
  const onSlowCall = options.onSlowCall;
  return async (...args) => {
    const start = performance.now();
    try {
      return await call(fn, args);
    } finally {
      const ms = performance.now() - start;
      if (onSlowCall && ms >= SLOW_CALL_MS) onSlowCall(name, ms);
    }
  };
}
