/**
 * The browser preview: the built renderer and the real main-process service on
 * loopback, for machines without the Electron runtime. Only the page it served can
 * call the service: every API request needs this run's token, the server's own
 * origin and host, a JSON body and a small size. The token is never served: it goes
 * to the person who started the preview, in the fragment of the address to open,
 * which a browser keeps to itself, so any other local process that asks gets a page without it.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { INTERFACES_CHANGED_EVENT, PREVIEW_API_PREFIX, PREVIEW_EVENTS_PATH, PREVIEW_TOKEN_HEADER, PREVIEW_TOKEN_PARAM } from '../../app/preview-protocol';
import type { AnycastService } from '../service/anycast-service';
import { RENDERER_SECURITY_HEADERS } from '../security/content-security-policy';
import { replyWithoutThrowing, type FaultLog } from '../security/fault-barrier';
import { readStaticFile } from '../security/static-files';

export const MAX_BODY_BYTES = 64 * 1024;
const LOOPBACK = '127.0.0.1';

export interface PreviewServerOptions {
  service: Pick<AnycastService, 'handle' | 'onInterfacesChanged'>;
  rendererDir: string;
  port?: number;
  /** Fixed only by tests; a run normally gets a fresh random token. */
  token?: string;
  /** Where a fault the service failed to catch is reported; the caller still gets a typed error. */
  logFault?: FaultLog;
}

export interface PreviewServer {
  url: string;
  /** The address to open: `url` with the token in its fragment (#token=...), which the page reads. */
  openUrl: string;
  token: string;
  close(): Promise<void>;
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const rendererDir = resolve(options.rendererDir);
  const logFault = options.logFault ?? ((method, fault) => console.error(`[preview] ${method} failed:`, fault));
  let origin = '';

  const server = createServer((request, response) => {
    handle(request, response).catch(() => send(response, 500, 'text/plain; charset=utf-8', 'Internal error'));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // A page on another site that resolves its name to 127.0.0.1 (DNS rebinding) arrives with a foreign Host.
    if (request.headers.host !== new URL(origin).host) return send(response, 421, 'text/plain; charset=utf-8', 'Wrong host');
    const path = new URL(request.url ?? '/', origin).pathname;
    if (path === PREVIEW_EVENTS_PATH) return handleEvents(request, response);
    if (path.startsWith(PREVIEW_API_PREFIX)) return handleApi(request, response, path.slice(PREVIEW_API_PREFIX.length));
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    const file = await readStaticFile(rendererDir, path);
    if (!file) return send(response, 404, 'text/plain; charset=utf-8', 'Not found');
    send(response, 200, file.contentType, file.body);
  }

  /** Server-sent events: EventSource cannot send headers, so the token comes in the query. */
  function handleEvents(request: IncomingMessage, response: ServerResponse): void {
    const given = new URL(request.url ?? '/', origin).searchParams.get(PREVIEW_TOKEN_PARAM) ?? undefined;
    if (request.method !== 'GET') return sendJson(response, 405, { refused: 'Use GET.' });
    if (request.headers.origin !== undefined && request.headers.origin !== origin) return sendJson(response, 403, { refused: 'Wrong origin.' });
    if (!tokenMatches(given, token)) return sendJson(response, 403, { refused: 'Missing or wrong token.' });
    response.writeHead(200, { ...RENDERER_SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
    response.write('retry: 3000\n\n');
    const stop = options.service.onInterfacesChanged(() => response.write(`event: ${INTERFACES_CHANGED_EVENT}\ndata: {}\n\n`));
    // A comment line now and then keeps idle proxies and the browser from dropping the stream.
    const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), 15_000);
    request.on('close', () => {
      clearInterval(keepAlive);
      stop();
    });
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, method: string): Promise<void> {
    if (request.method !== 'POST') return sendJson(response, 405, { refused: 'Use POST.' });
    if (request.headers.origin !== origin) return sendJson(response, 403, { refused: 'Wrong origin.' });
    if (!tokenMatches(request.headers[PREVIEW_TOKEN_HEADER], token)) return sendJson(response, 403, { refused: 'Missing or wrong token.' });
    if (!String(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(response, 415, { refused: 'Send JSON.' });
    }
    const body = await readBody(request, MAX_BODY_BYTES);
    if (body === undefined) return sendJson(response, 413, { refused: `Requests are limited to ${MAX_BODY_BYTES} bytes.` });
    let payload: unknown;
    try {
      payload = body.length === 0 ? undefined : JSON.parse(body);
    } catch {
      return sendJson(response, 400, { refused: 'The body is not valid JSON.' });
    }
    sendJson(response, 200, await replyWithoutThrowing(method, () => options.service.handle(method, payload), logFault));
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${LOOPBACK}:${port}`;
  return {
    url: `${origin}/`,
    openUrl: `${origin}/#${PREVIEW_TOKEN_PARAM}=${token}`,
    token,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        // Event streams never end on their own.
        server.closeAllConnections();
      }),
  };
}

function tokenMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The body as text, or undefined once it exceeds the limit (the rest is not read). */
function readBody(request: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      resolveBody(undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolveBody(undefined);
        request.removeAllListeners('data');
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  if (response.headersSent) return;
  response.writeHead(status, { ...RENDERER_SECURITY_HEADERS, 'Content-Type': contentType, 'Cache-Control': 'no-store' });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));
}
