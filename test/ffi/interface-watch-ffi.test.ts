/**
 * watchInterfaces on the Windows backend over the C test library, whose
 * NotifyIpInterfaceChange calls back from a thread of its own as Windows does, and whose
 * CancelMibChangeNotify2 waits for a callback in progress as Windows does (bounded there,
 * and counted: each timeout would be a deadlock on Windows). koffi runs a callback's JS
 * on the main thread and holds the calling thread until then.
 */
import koffi from 'koffi';
import type { AnycastBackend } from '../../main/backends/backend';
import { IF_OPER_STATUS } from '../../main/backends/windows/iphlpapi-decode';
import { COALESCE_MS } from '../../main/backends/windows/interface-watch';
import { ERROR_NOT_SUPPORTED } from '../../app/win32-errors';
import { backendOverFake, buildFakeLibrary, fakeControl, type FakeControl } from './fake-iphlpapi';
import { commandFor, findTool } from './native-build';

const cc = commandFor(findTool('cc', 'gcc'), 'Interface notifications over the C test library');

/** Ethernet carries IPv4 and IPv6, so each change is a burst of two notifications. */
const ETHERNET_INDEX = 12;
/**
 * Enough for a notification to be dispatched, or one that should not come to arrive:
 * the change functions return once a callback is in progress, and dispatch follows
 * COALESCE_MS after it.
 */
const SETTLE_MS = COALESCE_MS + 150;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(cc === null)('Windows backend: interface change notifications over the C test library', () => {
  let fake: FakeControl;
  let library: string;
  let backend: AnycastBackend;
  let callbacksBefore: number;

  /** Waits until every cancel has returned: no registration left in C, no koffi callback slot left. */
  const settled = () =>
    vi.waitFor(
      () => {
        expect(fake.activeNotifications()).toBe(0);
        expect(koffi.stats().callbacks).toBe(callbacksBefore);
      },
      { timeout: 5_000, interval: 1 },
    );

  const change = (status: keyof typeof IF_OPER_STATUS) => {
    expect(fake.setOperStatus(ETHERNET_INDEX, IF_OPER_STATUS[status])).toBe(true);
  };

  beforeAll(() => {
    library = buildFakeLibrary(cc!);
    fake = fakeControl(library);
  });
  beforeEach(() => {
    fake.reset();
    callbacksBefore = koffi.stats().callbacks;
    backend = backendOverFake(library);
  });
  afterEach(async () => {
    backend.close();
    await settled();
    expect(fake.cancelTimeouts()).toBe(0);
  });

  it('brings a change made on another thread to every listener, once per burst, through one registration', async () => {
    const heard: string[] = [];
    const stops = ['a', 'b', 'c'].map((name) => backend.watchInterfaces(() => heard.push(name)));
    expect(fake.activeNotifications()).toBe(1);

    const started = Date.now();
    change('down');
    await vi.waitFor(() => expect(heard).toHaveLength(3), { timeout: 5_000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(COALESCE_MS - 5);
    await sleep(SETTLE_MS);
    expect(heard.sort()).toEqual(['a', 'b', 'c']);
    const listed = await backend.listInterfaces();
    expect(listed.ok && listed.value.find((i) => i.index === ETHERNET_INDEX)?.operStatus).toBe('down');

    stops.forEach((stop) => stop());
    await settled();
  });

  it('calls a listener no more once it stops watching, and cancels the registration after the last one', async () => {
    let first = 0;
    let second = 0;
    const stopFirst = backend.watchInterfaces(() => first++);
    const stopSecond = backend.watchInterfaces(() => second++);
    stopFirst();
    stopFirst();
    change('down');
    await sleep(SETTLE_MS);
    expect({ first, second }).toEqual({ first: 0, second: 1 });
    expect(fake.activeNotifications()).toBe(1);

    stopSecond();
    await settled();
    change('up');
    await sleep(SETTLE_MS);
    expect({ first, second }).toEqual({ first: 0, second: 1 });
  });

  it('stops without deadlock while a callback is in progress: a cancel never blocks the thread the callback needs', async () => {
    let calls = 0;
    const stop = backend.watchInterfaces(() => calls++);
    // The notifying thread is now inside the callback, waiting for this (the main) thread to run its JS.
    change('down');
    stop();
    await settled();
    await sleep(SETTLE_MS);
    expect(calls).toBe(0);
  });

  it('lets a listener stop watching from inside its own call', async () => {
    let calls = 0;
    const stop = backend.watchInterfaces(() => {
      calls++;
      stop();
    });
    change('down');
    await vi.waitFor(() => expect(calls).toBe(1), { timeout: 5_000 });
    await settled();
    change('up');
    await sleep(SETTLE_MS);
    expect(calls).toBe(1);
  });

  it('cancels an active watch on close(), with a callback in progress, and unloads only after', async () => {
    let calls = 0;
    backend.watchInterfaces(() => calls++);
    change('down');
    backend.close();
    expect(() => backend.watchInterfaces(() => calls++)).toThrow(/closed/);
    await settled();
    await sleep(SETTLE_MS);
    expect(calls).toBe(0);
  });

  it('leaks no registration and no koffi callback slot over 10,000 subscribe and unsubscribe cycles', async () => {
    // More cycles than koffi has callback slots (8,192): a slot not released would make register() fail.
    for (let batch = 0; batch < 200; batch++) {
      for (let n = 0; n < 50; n++) backend.watchInterfaces(() => undefined)();
      await settled();
    }
    expect(fake.cancelTimeouts()).toBe(0);
    // And still working afterwards.
    let calls = 0;
    const stop = backend.watchInterfaces(() => calls++);
    change('down');
    await vi.waitFor(() => expect(calls).toBe(1), { timeout: 5_000 });
    stop();
  });

  it('watches nothing, without failing, where NotifyIpInterfaceChange fails; a later watch tries again', async () => {
    fake.failNotify(ERROR_NOT_SUPPORTED);
    let calls = 0;
    const stop = backend.watchInterfaces(() => calls++);
    expect(fake.activeNotifications()).toBe(0);
    expect(koffi.stats().callbacks).toBe(callbacksBefore);
    change('down');
    await sleep(SETTLE_MS);
    expect(calls).toBe(0);

    fake.failNotify(0);
    // The new registration serves every listener, the one that got none included.
    const stopAgain = backend.watchInterfaces(() => calls++);
    expect(fake.activeNotifications()).toBe(1);
    change('up');
    await vi.waitFor(() => expect(calls).toBe(2), { timeout: 5_000 });
    stop();
    stopAgain();
  });
});
