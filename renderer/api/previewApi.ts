/**
 * The AnycastApi over HTTP, for the browser preview: the local preview server
 * runs the same service as Electron's main process behind POST /api/<method>,
 * and pushes interface changes as server-sent events.
 * Like the preload API it never throws: every failure becomes a Reply.
 */
import { methods, type AnycastApi, type Method, type Reply, type Request, type RequestApi } from '../../app/ipc-contract';
import { createInterfaceEvents, type EventSourceFactory } from './interfaceEvents';
import { describeThrown, transportError, type TransportFailure } from './transportError';

export const TOKEN_HEADER = 'X-Anycast-Token';

export function createPreviewApi(
  token: string,
  fetchImpl: typeof fetch = (...args) => fetch(...args),
  openStream?: EventSourceFactory,
): AnycastApi {
  async function call<M extends Method>(method: M, request: Request<M>): Promise<Reply<M>> {
    const fail = (failure: TransportFailure): Reply<M> => ({ ok: false, error: transportError(method, failure, request) });
    let response: Response;
    try {
      response = await fetchImpl(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(request),
        cache: 'no-store',
      });
    } catch (thrown) {
      return fail({ kind: 'unreachable', detail: describeThrown(thrown) });
    }
    if (response.status !== 200) return fail({ kind: 'http-status', status: response.status, statusText: response.statusText });
    let body: unknown;
    try {
      body = await response.json();
    } catch (thrown) {
      return fail({ kind: 'unreadable', detail: describeThrown(thrown) });
    }
    // The server already checked the value against the contract; this only guards the envelope the UI relies on.
    return isReplyEnvelope(body) ? (body as Reply<M>) : fail({ kind: 'unreadable', detail: 'not an { ok, value | error } reply' });
  }

  const requests = Object.fromEntries(methods.map((method) => [method, (request: never) => call(method, request)])) as RequestApi;
  return { ...requests, onInterfacesChanged: createInterfaceEvents(token, openStream) };
}

const ERROR_TEXT_FIELDS = ['symbol', 'systemMessage', 'title', 'what', 'why', 'todo', 'operation'] as const;

function isReplyEnvelope(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  if (body.ok === true) return 'value' in body;
  if (body.ok !== false || !('error' in body)) return false;
  const error = body.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'number' &&
    ERROR_TEXT_FIELDS.every((field) => typeof (error as Record<string, unknown>)[field] === 'string')
  );
}
