/**
 * The browser preview's HTTP protocol, shared by its server (main/preview) and its client
 * (renderer/api): POST /api/<method> with the run's token in a header, and interface
 * changes as server-sent events, where EventSource cannot send headers, so the token
 * rides in the query.
 */
import type { Method } from './ipc-contract';

export const PREVIEW_API_PREFIX = '/api/';
export const PREVIEW_EVENTS_PATH = '/api/events';
/** Node reads header names in lower case; HTTP does not care which case is sent. */
export const PREVIEW_TOKEN_HEADER = 'x-anycast-token';
/** The token's name in the printed address's fragment (#token=...) and in the events query. */
export const PREVIEW_TOKEN_PARAM = 'token';
/** The server-sent event that says the interfaces changed. */
export const INTERFACES_CHANGED_EVENT = 'interfacesChanged';

export function previewMethodPath(method: Method): string {
  return PREVIEW_API_PREFIX + method;
}
