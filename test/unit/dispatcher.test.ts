/**
 * The renderer's store and dispatcher without a DOM: each action's error path once,
 * where its error goes (the error dialog or back to the dialog that asked), and what
 * is re-read after it.
 */
import { describe, expect, it, vi } from 'vitest';
import type { AnycastApi, AnycastKey, Method, Reply, Request } from '../../app/ipc-contract';
import type { AnycastEntry, AppError, NetworkInterface, SystemStatus } from '../../app/model';
import { Dispatcher, type Notifier } from '../../renderer/state/dispatcher';
import type { RunControl } from '../../renderer/state/runSequence';
import { createStore } from '../../renderer/state/store';

const ETHERNET: NetworkInterface = {
  luid: '1688849877041152', index: 12, alias: 'Ethernet', description: 'Intel(R) Ethernet', type: 6,
  operStatus: 'up', mac: '3C-52-82-4A-1B-7E', mtu: 1500, ipv4: true, ipv6: true,
};
const STATUS = { machine: 'PC-07', anycastApi: true } as SystemStatus;
const KEY: AnycastKey = { address: '192.0.2.10', interfaceLuid: ETHERNET.luid, interfaceIndex: 12 };
const ENTRY: AnycastEntry = { ...KEY, family: 'ipv4', scopeId: 0 };

const error = (title: string): AppError => ({ code: 5, symbol: 'ERROR_ACCESS_DENIED', systemMessage: 'Access is denied.', title, what: '', why: '', todo: '', operation: 'create' });
const refused = (title: string) => ({ ok: false as const, error: error(title) });

type Handlers = { [M in Method]?: (request: Request<M>) => Reply<M> | Promise<Reply<M>> };

/** An API whose every method answers from `handlers`, and otherwise with the computer below. */
function setUp(handlers: Handlers = {}) {
  const entries: AnycastEntry[] = [];
  const defaults: Handlers = {
    getSnapshot: () => ({ ok: true, value: { status: STATUS, interfaces: { ok: true, value: [ETHERNET] }, entries: { ok: true, value: [...entries] } } }),
    createAnycast: (key) => {
      entries.push({ ...ENTRY, ...key });
      return { ok: true, value: { readBack: 'ok', address: key.address, entry: { ...ENTRY, ...key } } };
    },
    deleteAnycast: () => ({ ok: true, value: null }),
    getSavedSet: () => ({ ok: true, value: { savedAt: null, entries: [] } }),
    saveSavedSet: (request) => ({ ok: true, value: { savedAt: '2025-01-01T00:00:00.000Z', entries: request.entries } }),
    readAuditLog: () => ({ ok: true, value: { records: [], skippedLines: 0, older: null, path: 'audit.jsonl' } }),
  };
  const calls: Array<[Method, unknown]> = [];
  const api = new Proxy({} as AnycastApi, {
    get: (_, method: string) => {
      if (method === 'onInterfacesChanged') return () => () => {};
      return async (request: never) => {
        calls.push([method as Method, request]);
        const handler = (handlers[method as Method] ?? defaults[method as Method]) as ((r: never) => unknown) | undefined;
        if (!handler) throw new Error(`${method} was not expected`);
        return handler(request);
      };
    },
  });
  const notifier = { report: vi.fn(), warn: vi.fn(), notify: vi.fn(), caution: vi.fn() } satisfies Notifier;
  const store = createStore();
  const dispatcher = new Dispatcher(api, store, notifier);
  const snapshotsRead = () => calls.filter(([m]) => m === 'getSnapshot').length;
  return { dispatcher, store, notifier, calls, entries, snapshotsRead };
}

const runAll = (): RunControl => ({ onProgress: () => {}, stopRequested: () => false });

describe('the store', () => {
  it('tells its subscribers of each change, and stops when they unsubscribe', () => {
    const store = createStore();
    const listener = vi.fn();
    const stop = store.subscribe(listener);
    store.update({ loading: false });
    expect(store.getSnapshot().loading).toBe(false);
    stop();
    store.update({ loading: true });
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('the dispatcher', () => {
  it('refresh fills the store and keeps an unchanged list the same object', async () => {
    const { dispatcher, store } = setUp();
    await dispatcher.refresh();
    const first = store.getSnapshot();
    expect(first).toMatchObject({ status: STATUS, interfaces: [ETHERNET], loading: false, refreshing: false, lastFailed: null });
    await dispatcher.refresh();
    expect(store.getSnapshot().interfaces).toBe(first.interfaces);
  });

  it('refresh: a failed part is reported once and the others keep their values; a quiet one reports nothing', async () => {
    let listing: Reply<'listAnycast'> = { ok: true, value: [ENTRY] };
    const { dispatcher, store, notifier } = setUp({
      getSnapshot: () => ({ ok: true, value: { status: STATUS, interfaces: { ok: true, value: [ETHERNET] }, entries: listing } }),
    });
    await dispatcher.refresh();
    listing = refused('Anycast list unreadable');
    await dispatcher.refreshQuietly();
    expect(notifier.report).not.toHaveBeenCalled();
    expect(store.getSnapshot()).toMatchObject({ entries: [ENTRY], entriesUnavailable: true, interfaces: [ETHERNET] });
    expect(store.getSnapshot().lastFailed).toBeInstanceOf(Date);
    await dispatcher.refresh();
    expect(notifier.report).toHaveBeenCalledTimes(1);
    expect(notifier.report.mock.calls[0]![0].title).toBe('Anycast list unreadable');
  });

  it('refresh: only the newest reload writes the store', async () => {
    const replies: Array<(reply: Reply<'getSnapshot'>) => void> = [];
    // Each reload waits for its own reply, answered below in the opposite order.
    const { dispatcher, store } = setUp({ getSnapshot: () => new Promise((resolve) => replies.push(resolve)) });
    const older = dispatcher.refresh();
    const newer = dispatcher.refresh();
    await vi.waitFor(() => expect(replies).toHaveLength(2));
    const snapshot = (alias: string): Reply<'getSnapshot'> => ({
      ok: true,
      value: { status: STATUS, interfaces: { ok: true, value: [{ ...ETHERNET, alias }] }, entries: { ok: true, value: [] } },
    });
    replies[1]!(snapshot('newer'));
    await newer;
    replies[0]!(snapshot('older'));
    await older;
    expect(store.getSnapshot().interfaces[0]!.alias).toBe('newer');
  });

  it('add: a refusal goes to the error dialog, no toast, nothing re-read', async () => {
    const { dispatcher, notifier, snapshotsRead } = setUp({ createAnycast: () => refused('Administrator rights needed') });
    expect(await dispatcher.add(KEY, 'Ethernet')).toBe(false);
    expect(notifier.report).toHaveBeenCalledWith(error('Administrator rights needed'));
    expect(notifier.notify).not.toHaveBeenCalled();
    expect(snapshotsRead()).toBe(0);
  });

  it('add: a success is confirmed and the lists re-read; a change not on record is a warning instead', async () => {
    const { dispatcher, notifier, store } = setUp();
    expect(await dispatcher.add(KEY, 'Ethernet')).toBe(true);
    expect(notifier.notify).toHaveBeenCalledWith('Added 192.0.2.10 to Ethernet');
    expect(store.getSnapshot().entries).toHaveLength(1);

    const warning = error('Added, but the result is not on record');
    const warned = setUp({ createAnycast: (key) => ({ ok: true, value: { readBack: 'ok', address: key.address, entry: ENTRY }, warning }) });
    await warned.dispatcher.add(KEY, 'Ethernet');
    expect(warned.notifier.warn).toHaveBeenCalledWith(warning);
    expect(warned.notifier.notify).not.toHaveBeenCalled();
  });

  it('undo: a refusal goes to the error dialog', async () => {
    const { dispatcher, notifier } = setUp({ createAnycast: () => refused('Could not restore') });
    expect(await dispatcher.undo(KEY, 'Ethernet')).toBe(false);
    expect(notifier.report).toHaveBeenCalledWith(error('Could not restore'));
  });

  it('remove: a refusal goes to the error dialog with focus back on the button that asked; nothing re-read', async () => {
    const { dispatcher, notifier, snapshotsRead } = setUp({ deleteAnycast: () => refused('Not found') });
    const button = { id: 'delete' } as unknown as HTMLElement;
    expect(await dispatcher.remove(KEY, 'Ethernet', { onError: button, onWarning: null, onUndone: () => {} })).toBe('failed');
    expect(notifier.report).toHaveBeenCalledWith(error('Not found'), button);
    expect(snapshotsRead()).toBe(0);
  });

  it('remove: a success offers Undo, which adds the entry back', async () => {
    const { dispatcher, notifier, calls } = setUp();
    const onUndone = vi.fn();
    expect(await dispatcher.remove(KEY, 'Ethernet', { onError: null, onWarning: null, onUndone })).toBe('removed');
    const [message, action] = notifier.notify.mock.calls[0]!;
    expect(message).toBe('Removed 192.0.2.10 from Ethernet');
    action!.onClick();
    await vi.waitFor(() => expect(notifier.notify).toHaveBeenCalledWith('Restored 192.0.2.10 to Ethernet'));
    // Focus moves to the restored row only once it is back.
    await vi.waitFor(() => expect(onUndone).toHaveBeenCalledOnce());
    expect(calls.filter(([m]) => m === 'createAnycast')).toEqual([['createAnycast', KEY]]);
  });

  it('applyPlan: each row gets its reply, failures included, none goes to the error dialog, and the lists are re-read', async () => {
    const { dispatcher, notifier, snapshotsRead } = setUp({
      createAnycast: (key) => (key.address === '192.0.2.11' ? refused('Refused') : { ok: true, value: { readBack: 'ok', address: key.address, entry: ENTRY } }),
    });
    const plan = ['192.0.2.10', '192.0.2.11', '192.0.2.12'].map((address) => ({ key: { ...KEY, address }, label: `${address} on Ethernet` }));
    const replies = await dispatcher.applyPlan(plan, runAll());
    expect(replies.map((r) => r.ok)).toEqual([true, false, true]);
    expect(notifier.report).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(snapshotsRead()).toBe(1));
  });

  it('applyPlan: a stop sends nothing after the row in flight, and progress ends with null', async () => {
    const { dispatcher } = setUp();
    const progress: Array<string | null> = [];
    let stop = false;
    const control: RunControl = {
      onProgress: (p) => {
        progress.push(p && `${p.done}/${p.total} ${p.current}`);
        if (p?.done === 1) stop = true;
      },
      stopRequested: () => stop,
    };
    const plan = ['192.0.2.10', '192.0.2.11', '192.0.2.12'].map((address) => ({ key: { ...KEY, address }, label: address }));
    const replies = await dispatcher.applyPlan(plan, control);
    expect(replies).toHaveLength(2);
    expect(progress).toEqual(['0/3 192.0.2.10', '1/3 192.0.2.11', null]);
  });

  it('removeAdded: a refusal is that row\'s reply, and the lists are re-read', async () => {
    const { dispatcher, notifier, snapshotsRead } = setUp({ deleteAnycast: () => refused('In use') });
    const replies = await dispatcher.removeAdded([{ key: KEY, label: '192.0.2.10 on Ethernet' }], runAll());
    expect(replies).toEqual([refused('In use')]);
    expect(notifier.report).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(snapshotsRead()).toBe(1));
  });

  it('saveSet and readSavedSet: a failure goes back to the saved set dialog, not to the error dialog', async () => {
    const { dispatcher, notifier } = setUp({ saveSavedSet: () => refused('Disk full'), getSavedSet: () => refused('Unreadable') });
    expect(await dispatcher.saveSet([])).toEqual(refused('Disk full'));
    expect(await dispatcher.readSavedSet()).toEqual(refused('Unreadable'));
    expect(notifier.report).not.toHaveBeenCalled();
  });

  it('readAuditLog: a failure goes back to the audit log dialog, not to the error dialog', async () => {
    const { dispatcher, notifier, calls } = setUp({ readAuditLog: () => refused('Log unreadable') });
    expect(await dispatcher.readAuditLog({ limit: 10 })).toEqual(refused('Log unreadable'));
    expect(calls).toEqual([['readAuditLog', { limit: 10 }]]);
    expect(notifier.report).not.toHaveBeenCalled();
  });

  it('runSelfTest: a failure goes back to the self-test dialog; a round trip re-reads the lists, a plain check does not', async () => {
    const { dispatcher, notifier, calls } = setUp({ runSelfTest: () => refused('Self-test refused') });
    expect(await dispatcher.runSelfTest({})).toEqual(refused('Self-test refused'));
    expect(calls).toEqual([['runSelfTest', {}]]);
    expect(await dispatcher.runSelfTest({ interface: ETHERNET.luid })).toEqual(refused('Self-test refused'));
    expect(calls.slice(1).map(([method]) => method)).toEqual(['runSelfTest', 'getSnapshot']);
    expect(notifier.report).not.toHaveBeenCalled();
  });
});
