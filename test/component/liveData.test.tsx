/** The plumbing behind live updates: the preview's event stream and the poll. */
import { renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPreviewApi } from '../../renderer/api/previewApi';
import { EVENT_SETTLE_MS, POLL_INTERVAL_MS, useLiveRefresh } from '../../renderer/hooks/useLiveRefresh';
import { addressSortKey, sortByAddress } from '../../renderer/tables/sorting';
import { inProcessApi } from './inProcessApi';

class FakeStream {
  static opened: FakeStream[] = [];
  readonly handlers = new Map<string, Array<() => void>>();
  closed = false;
  constructor(readonly url: string) {
    FakeStream.opened.push(this);
  }
  addEventListener(type: string, handler: () => void) {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler]);
  }
  close() {
    this.closed = true;
  }
  fire(type: string) {
    for (const handler of this.handlers.get(type) ?? []) handler();
  }
}

describe('Interface events in the browser preview', () => {
  afterEach(() => {
    FakeStream.opened = [];
  });

  const api = () => createPreviewApi('tok/en+', vi.fn<typeof fetch>(), (url) => new FakeStream(url));

  it('opens one stream with the token for all listeners, and closes it when the last one leaves', () => {
    const preview = api();
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = preview.onInterfacesChanged(first);
    const stopSecond = preview.onInterfacesChanged(second);

    expect(FakeStream.opened).toHaveLength(1);
    const stream = FakeStream.opened[0]!;
    expect(stream.url).toBe('/api/events?token=tok%2Fen%2B');
    stream.fire('interfacesChanged');
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);

    stopFirst();
    expect(stream.closed).toBe(false);
    stopSecond();
    expect(stream.closed).toBe(true);

    preview.onInterfacesChanged(first);
    expect(FakeStream.opened).toHaveLength(2);
  });

  it('tells listeners after a reconnect, since changes made meanwhile were missed', () => {
    const listener = vi.fn();
    api().onInterfacesChanged(listener);
    const stream = FakeStream.opened[0]!;
    stream.fire('open');
    expect(listener).not.toHaveBeenCalled();
    stream.fire('open');
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('Live refresh', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('polls while the window is visible, stops while hidden, and catches up when shown', () => {
    vi.useFakeTimers();
    let visibility: DocumentVisibilityState = 'visible';
    vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
    const refresh = vi.fn(() => Promise.resolve());
    renderHook(() => useLiveRefresh(inProcessApi(), refresh));

    vi.advanceTimersByTime(POLL_INTERVAL_MS * 2);
    expect(refresh).toHaveBeenCalledTimes(2);

    visibility = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    vi.advanceTimersByTime(POLL_INTERVAL_MS * 3);
    expect(refresh).toHaveBeenCalledTimes(2);

    visibility = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    expect(refresh).toHaveBeenCalledTimes(3);
    vi.advanceTimersByTime(POLL_INTERVAL_MS);
    expect(refresh).toHaveBeenCalledTimes(4);
  });

  it('reloads once for a burst of interface events', () => {
    vi.useFakeTimers();
    const api = inProcessApi();
    const refresh = vi.fn(() => Promise.resolve());
    renderHook(() => useLiveRefresh(api, refresh));

    // A cable pulled and plugged back: the simulated computer notifies for each change.
    for (const status of ['down', 'up', 'down'] as const) {
      expect(api.computer.setOperStatus('Wi-Fi', status)).toBe(true);
      vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(EVENT_SETTLE_MS);
    expect(refresh).toHaveBeenCalledTimes(1);
  });
});

describe('Address order', () => {
  it('sorts IPv4 numerically before IPv6, not as text', () => {
    const addresses = ['2001:db8::1', '192.0.2.10', '10.0.0.1', '192.0.2.9', '::1', '2001:db8::a'];
    expect(sortByAddress(addresses, (a) => a, 'ascending')).toEqual(['10.0.0.1', '192.0.2.9', '192.0.2.10', '::1', '2001:db8::1', '2001:db8::a']);
    expect(addressSortKey('not an address') > addressSortKey('ffff::1')).toBe(true);
  });
});
