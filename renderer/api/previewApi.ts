/**
 * The AnycastApi over HTTP, for the browser preview: the local preview server
 * runs the same service as Electron's main process behind POST /api/<method>,
 * and pushes interface changes as server-sent events.
 * Like the preload API it never throws: every failure becomes a Reply, and so does a
 * reply that does not match the contract's reply schema, checked here at run time.
 */
import { requestApiOf } from '../../app/ipc-channels';
import { replySchema, type AnycastApi, type Method, type Reply, type Request } from '../../app/ipc-contract';
import { previewMethodPath, PREVIEW_TOKEN_HEADER } from '../../app/preview-protocol';
import { createInterfaceEvents, type EventSourceFactory } from './interfaceEvents';
import { describeThrown, transportError, type TransportFailure } from './transportError';

/** The header as the client writes it; HTTP header names ignore case. */
const TOKEN_HEADER = 'X-Anycast-Token';
if (TOKEN_HEADER.toLowerCase() !== PREVIEW_TOKEN_HEADER) throw new Error('The preview token header differs from the protocol.');

export function createPreviewApi(
  token: string,
  fetchImpl: typeof fetch = (...args) => fetch(...args),
  openStream?: EventSourceFactory,
): AnycastApi {
  async function call<M extends Method>(method: M, request: Request<M>): Promise<Reply<M>> {
    const fail = (failure: TransportFailure): Reply<M> => ({ ok: false, error: transportError(method, failure, request) });
    let response: Response;
    try {
      response = await fetchImpl(previewMethodPath(method), {
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
    const reply = replySchema(method).safeParse(body);
    if (reply.success) return reply.data as Reply<M>;
    const issue = reply.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? 'reply' : issue.path.map(String).join('.');
    return fail({ kind: 'unreadable', detail: `not an { ok, value | error } reply of the expected form (${where}: ${issue?.message ?? 'unknown'})` });
  }

  return { ...requestApiOf(call), onInterfacesChanged: createInterfaceEvents(token, openStream) };
}
