/** A dispatcher over a fake API, for dialogs rendered on their own (in the app, App makes it). */
import { vi } from 'vitest';
import type { AnycastApi } from '../../app/ipc-contract';
import { Dispatcher } from '../../renderer/state/dispatcher';
import { createStore } from '../../renderer/state/store';

export function dispatcherFor(api: AnycastApi): Dispatcher {
  return new Dispatcher(api, createStore(), { report: vi.fn(), warn: vi.fn(), notify: vi.fn(), caution: vi.fn() });
}
