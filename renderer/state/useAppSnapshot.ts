import { useSyncExternalStore } from 'react';
import type { AppSnapshot, AppStore } from './store';

/** The store's snapshot; the component re-renders when the dispatcher changes it. */
export function useAppSnapshot(store: AppStore): AppSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
