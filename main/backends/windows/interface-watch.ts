/**
 * watchInterfaces on Windows: one NotifyIpInterfaceChange registration for all of a
 * backend's listeners, made for the first and cancelled after the last.
 *
 * Windows calls the callback on a system thread. koffi queues the JS function to the
 * main thread and holds the system thread until it has run, and CancelMibChangeNotify2
 * waits for a callback in progress. A cancel on the main thread could therefore wait for
 * a callback that is waiting for the main thread: a deadlock, from inside a listener or
 * not. So the cancel always runs on a worker thread (koffi's .async) while the main thread
 * stays free, and the callback's koffi slot is released only once the cancel has returned,
 * after which Windows makes no further call.
 *
 * Notifications only spare the app some polling: where they are missing or refused,
 * watching is a no-op.
 */
import koffi from 'koffi';
import { NO_ERROR } from '../../../app/win32-errors';
import { ChangeListeners } from '../change-listeners';
import { AF_UNSPEC } from './iphlpapi-decode';
import { IP_INTERFACE_CHANGE_CALLBACK } from './iphlpapi-types';
import type { NotifyBindings, Out, Pointer } from './iphlpapi-functions';

/** Takes a burst (an adapter's IPv4 and IPv6 interfaces, a driver restart) as one change. */
export const COALESCE_MS = 250;

interface Registration {
  /** Resolves once CancelMibChangeNotify2 has returned. */
  cancel(): Promise<void>;
}

export class InterfaceWatch {
  private readonly listeners = new ChangeListeners(COALESCE_MS);
  private registration: Registration | null = null;
  /** Cancels still running on a worker thread, inside iphlpapi. */
  private readonly cancelling = new Set<Promise<void>>();

  /** `notify` is null when iphlpapi lacks the notification functions. */
  constructor(private readonly notify: NotifyBindings | null) {}

  watch(listener: () => void): () => void {
    const remove = this.listeners.add(listener);
    // Also retried for later listeners when an earlier registration was refused.
    this.registration ??= register(this.notify, () => this.listeners.notify());
    return () => {
      if (remove() && this.listeners.size === 0) this.stop();
    };
  }

  /** Stops watching. Resolves when no cancel is running any more: only then may iphlpapi be unloaded. */
  close(): Promise<void> {
    this.listeners.clear();
    this.stop();
    return Promise.all(this.cancelling).then(() => undefined);
  }

  private stop(): void {
    const registration = this.registration;
    this.registration = null;
    if (!registration) return;
    const cancelled = registration.cancel();
    this.cancelling.add(cancelled);
    void cancelled.then(() => this.cancelling.delete(cancelled));
  }
}

/** A live registration calling `onChange`, or null when there can be none. */
function register(notify: NotifyBindings | null, onChange: () => void): Registration | null {
  if (!notify) return null;
  let live = true;
  let callback: bigint;
  try {
    // A call queued from a system thread can still arrive once the cancel has begun; it then does nothing.
    callback = koffi.register(() => {
      if (live) onChange();
    }, koffi.pointer(IP_INTERFACE_CHANGE_CALLBACK));
  } catch {
    // koffi has a fixed number of callback slots; with none free there are no notifications.
    return null;
  }
  const handle: Out<Pointer> = [null];
  // AF_UNSPEC: IPv4 and IPv6 interfaces alike. No initial notification: watchers list on their own.
  if (notify.NotifyIpInterfaceChange(AF_UNSPEC, callback, null, 0, handle) !== NO_ERROR) {
    koffi.unregister(callback);
    return null;
  }
  return {
    cancel: () => {
      live = false;
      return new Promise((resolve) => {
        notify.CancelMibChangeNotify2.async(handle[0], (error, code) => {
          // A cancel that failed may leave the registration calling: keep its slot rather than free it under Windows.
          if (!error && code === NO_ERROR) koffi.unregister(callback);
          resolve();
        });
      });
    },
  };
}
