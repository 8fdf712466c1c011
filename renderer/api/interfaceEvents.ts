/**
 * Interface-change events in the browser preview: one EventSource on the preview
 * server's event stream, shared by every listener, open only while someone listens.
 * EventSource reconnects by itself after a drop; changes made while it was away are
 * not replayed, so listeners are told "something may have changed" on each reconnect.
 */
import { INTERFACES_CHANGED_EVENT, PREVIEW_EVENTS_PATH, PREVIEW_TOKEN_PARAM } from '../../app/preview-protocol';

/** The part of EventSource used here, so tests can stand in for the stream. */
export interface EventStream {
  addEventListener(type: string, listener: () => void): void;
  close(): void;
}

export type EventSourceFactory = (url: string) => EventStream;

export function createInterfaceEvents(
  token: string,
  openStream: EventSourceFactory = (url) => new EventSource(url),
): (listener: () => void) => () => void {
  const listeners = new Set<() => void>();
  let source: EventStream | null = null;
  const notifyAll = () => {
    for (const listener of [...listeners]) listener();
  };

  const open = () => {
    const stream = openStream(`${PREVIEW_EVENTS_PATH}?${PREVIEW_TOKEN_PARAM}=${encodeURIComponent(token)}`);
    let opened = false;
    stream.addEventListener(INTERFACES_CHANGED_EVENT, notifyAll);
    stream.addEventListener('open', () => {
      if (opened) notifyAll();
      opened = true;
    });
    return stream;
  };

  return (listener) => {
    // A wrapper per subscription, so the same function subscribed twice is two listeners.
    const entry = () => listener();
    listeners.add(entry);
    source ??= open();
    return () => {
      if (!listeners.delete(entry) || listeners.size > 0) return;
      source?.close();
      source = null;
    };
  };
}
