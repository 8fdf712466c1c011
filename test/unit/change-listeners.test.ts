/**
 * The listener set behind watchInterfaces: calls later, never inside notify(), once per
 * burst; removal is immediate, even during a round; a failing listener silences no other.
 */
import { ChangeListeners } from '../../main/backends/change-listeners';
import { SimulatedBackend } from '../../main/backends/simulated/simulated-backend';

describe('ChangeListeners', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('calls every listener once, coalesceMs after the first change of a burst', () => {
    const listeners = new ChangeListeners(250);
    const heard: string[] = [];
    listeners.add(() => heard.push('a'));
    listeners.add(() => heard.push('b'));
    listeners.notify();
    expect(heard).toEqual([]);
    vi.advanceTimersByTime(200);
    listeners.notify();
    vi.advanceTimersByTime(49);
    expect(heard).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(heard).toEqual(['a', 'b']);
    vi.advanceTimersByTime(1000);
    expect(heard).toEqual(['a', 'b']);
    // A change after the round starts the next one.
    listeners.notify();
    vi.advanceTimersByTime(250);
    expect(heard).toEqual(['a', 'b', 'a', 'b']);
  });

  it('keeps the same function added twice as two subscriptions, each removed once', () => {
    const listeners = new ChangeListeners(0);
    let calls = 0;
    const listener = () => calls++;
    const removeFirst = listeners.add(listener);
    listeners.add(listener);
    expect(removeFirst()).toBe(true);
    expect(removeFirst()).toBe(false);
    listeners.notify();
    vi.runAllTimers();
    expect(calls).toBe(1);
    expect(listeners.size).toBe(1);
  });

  it('does not call a listener another one removed earlier in the same round', () => {
    const listeners = new ChangeListeners(0);
    const heard: string[] = [];
    let removeB = () => false;
    listeners.add(() => {
      heard.push('a');
      removeB();
    });
    removeB = listeners.add(() => heard.push('b'));
    listeners.notify();
    vi.runAllTimers();
    expect(heard).toEqual(['a']);
  });

  it('still calls the others when a listener throws, and lets the error surface uncaught', () => {
    const rethrown: Array<() => void> = [];
    vi.spyOn(globalThis, 'queueMicrotask').mockImplementation((task) => void rethrown.push(task));
    const listeners = new ChangeListeners(0);
    const heard: string[] = [];
    listeners.add(() => {
      throw new Error('listener failed');
    });
    listeners.add(() => heard.push('b'));
    listeners.notify();
    vi.runAllTimers();
    expect(heard).toEqual(['b']);
    expect(rethrown).toHaveLength(1);
    expect(() => rethrown[0]!()).toThrow('listener failed');
  });

  it('drops the listeners and the pending round on clear()', () => {
    const listeners = new ChangeListeners(250);
    let calls = 0;
    listeners.add(() => calls++);
    listeners.notify();
    listeners.clear();
    vi.runAllTimers();
    expect(calls).toBe(0);
    expect(listeners.size).toBe(0);
  });
});

describe('SimulatedBackend interface changes', () => {
  it('refuses an alias no interface has, and tells nobody', async () => {
    const backend = new SimulatedBackend();
    let calls = 0;
    backend.watchInterfaces(() => calls++);
    expect(backend.setOperStatus('No Such Adapter', 'down')).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(calls).toBe(0);
    backend.close();
  });

  it('tells no watcher after close()', async () => {
    const backend = new SimulatedBackend();
    let calls = 0;
    backend.watchInterfaces(() => calls++);
    expect(backend.setOperStatus('Ethernet', 'down')).toBe(true);
    backend.close();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(calls).toBe(0);
  });
});
