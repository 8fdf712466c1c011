/**
 * Keeps the screen current without a Refresh click. Interface changes arrive as events
 * (NotifyIpInterfaceChange in main); Windows has no notification for anycast entries,
 * so those are also polled while the window is visible. A hidden window polls nothing
 * and catches up as soon as it is shown again.
 */
import { useEffect, useEffectEvent } from 'react';
import type { AnycastApi } from '../../app/ipc-contract';

/** Often enough that a change made elsewhere shows up while the technician is still looking. */
export const POLL_INTERVAL_MS = 15_000;
/** Windows reports one adapter change as several notifications (one per stack); one reload covers them. */
export const EVENT_SETTLE_MS = 250;

/** `events` is the API or the dispatcher: whatever announces interface changes. */
export function useLiveRefresh(events: Pick<AnycastApi, 'onInterfacesChanged'>, refreshQuietly: () => Promise<void>): void {
  const reload = useEffectEvent(() => void refreshQuietly());

  useEffect(() => {
    let settle: ReturnType<typeof setTimeout> | undefined;
    const stop = events.onInterfacesChanged(() => {
      clearTimeout(settle);
      settle = setTimeout(reload, EVENT_SETTLE_MS);
    });
    return () => {
      clearTimeout(settle);
      stop();
    };
  }, [events]);

  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = () => {
      clearInterval(timer);
      timer = setInterval(reload, POLL_INTERVAL_MS);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') {
        reload();
        start();
      } else {
        clearInterval(timer);
      }
    };
    if (document.visibilityState === 'visible') start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);
}
