/**
 * Wires the store and the dispatcher to the screen: the dispatcher reports into the
 * error dialog's queue and the toaster, the lists load once, F5 reloads them, and
 * interface events and the poll keep them current.
 */
import { useEffect, useMemo, useState, type RefObject } from 'react';
import type { AnycastApi } from '../../app/ipc-contract';
import { useErrorQueue } from '../hooks/useErrorQueue';
import { useLiveRefresh } from '../hooks/useLiveRefresh';
import { useRefreshShortcut } from '../hooks/useRefreshShortcut';
import { useSuccessToast } from '../hooks/useSuccessToast';
import { Dispatcher } from './dispatcher';
import { createStore } from './store';
import { useAppSnapshot } from './useAppSnapshot';

/** `fallbackFocus` takes focus when an error dialog closes and the element that had focus is gone. */
export function useAppState(api: AnycastApi, fallbackFocus: RefObject<HTMLElement | null>) {
  const errors = useErrorQueue(fallbackFocus);
  const { toasterProps, notify, warn } = useSuccessToast();
  const [store] = useState(createStore);
  const { report, warn: warnError } = errors;
  const dispatcher = useMemo(
    () => new Dispatcher(api, store, { report, warn: warnError, notify, caution: warn }),
    [api, store, report, warnError, notify, warn],
  );
  useEffect(() => {
    void dispatcher.refresh();
  }, [dispatcher]);
  useRefreshShortcut(() => void dispatcher.refresh());
  useLiveRefresh(dispatcher, () => dispatcher.refreshQuietly());
  const snapshot = useAppSnapshot(store);
  return { dispatcher, snapshot, errors, toasterProps, notify };
}
