/**
 * The browser preview under attack: it listens on loopback only, refuses requests
 * without this run's token, from another origin or too big, answers 1,000 random
 * bodies without a 500 or a crash, and only ever runs the simulated backend.
 */
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { methods } from '../../app/ipc-channels';
import { isMethod, replySchema } from '../../app/ipc-contract';
import { PREVIEW_TOKEN_HEADER as TOKEN_HEADER } from '../../app/preview-protocol';
import { AppError } from '../../app/model';
import { SimulatedBackend } from '../../main/backends/simulated/simulated-backend';
import { MAX_BODY_BYTES, startPreviewServer, type PreviewServer } from '../../main/preview/preview-server';
import { runPreview } from '../../main/preview/run-preview';
import { AnycastService } from '../../main/service/anycast-service';
import { malformedKey, pollutingObject, validKey } from './malformed';
import { testServiceOptions } from '../support/service-options';

const RANDOM_BODIES = 1_000;

let server: PreviewServer;
let origin: string;
let port: number;
let backendCalls = 0;
const agent = new Agent({ keepAlive: true, maxSockets: 8 });
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const rendererDir = mkdtempSync(join(tmpdir(), 'anycast-preview-fuzz-'));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');

/** The simulated computer, counting the calls a refused request must never cause. */
class CountingBackend extends SimulatedBackend {
  override async createAnycast(...args: Parameters<SimulatedBackend['createAnycast']>) {
    backendCalls += 1;
    return super.createAnycast(...args);
  }
  override async listInterfaces() {
    backendCalls += 1;
    return super.listInterfaces();
  }
}

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  const service = new AnycastService(new CountingBackend(), testServiceOptions({ simulatedReason: 'preview', logFault: () => undefined }));
  server = await startPreviewServer({ service, rendererDir, logFault: () => undefined });
  origin = new URL(server.url).origin;
  port = Number(new URL(server.url).port);
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  agent.destroy();
  await server.close();
});

interface Reply {
  status: number;
  body: string;
}

function send(url: string, headers: Record<string, string>, body?: string | Buffer, method = 'POST'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const trusted = () => ({ Origin: origin, [TOKEN_HEADER]: server.token, 'Content-Type': 'application/json' });

/** Whether a TCP connection to host:port is accepted. */
function canConnect(host: string, target: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port: target });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('the preview server', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    expect(await canConnect('127.0.0.1', port)).toBe(true);
    // Another loopback address reaches a wildcard listener but not one bound to 127.0.0.1; prove the probe works first.
    const wildcard = createServer().listen(0, '0.0.0.0');
    await new Promise((done) => wildcard.once('listening', done));
    const reachable = await canConnect('127.0.0.2', (wildcard.address() as AddressInfo).port);
    wildcard.close();
    expect(reachable, 'this machine must route 127.0.0.2 for the probe to mean anything').toBe(true);
    expect(await canConnect('127.0.0.2', port)).toBe(false);
    expect(await canConnect('::1', port)).toBe(false);
  });

  it.each([
    ['no token', { [TOKEN_HEADER]: '' }, 403],
    ['a wrong token', { [TOKEN_HEADER]: 'x'.repeat(43) }, 403],
    ['a wrong origin', { Origin: 'http://evil.example' }, 403],
    ['the right origin on another port', { Origin: 'http://127.0.0.1:1' }, 403],
    ['a foreign Host (DNS rebinding)', { Host: 'evil.example' }, 421],
  ])('refuses a request with %s before the service sees it', async (_name, headers, status) => {
    const before = backendCalls;
    const reply = await send(`${origin}/api/listInterfaces`, { ...trusted(), ...headers }, '{}');
    expect(reply.status).toBe(status);
    expect(backendCalls).toBe(before);
  });

  it('refuses an oversized body, declared or streamed', async () => {
    const before = backendCalls;
    const big = JSON.stringify({ address: 'x'.repeat(MAX_BODY_BYTES) });
    expect((await send(`${origin}/api/createAnycast`, trusted(), big)).status).toBe(413);
    const streamed = await send(`${origin}/api/createAnycast`, { ...trusted(), 'Transfer-Encoding': 'chunked' }, Buffer.from(big));
    expect(streamed.status).toBe(413);
    expect(backendCalls).toBe(before);
  });

  it('refuses 300 random header sets that lack the token or the origin', async () => {
    const before = backendCalls;
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.option(fc.webUrl().map((u) => new URL(u).origin)), async (token, foreignOrigin) => {
        const headers = { ...trusted(), [TOKEN_HEADER]: encodeURIComponent(token), Origin: foreignOrigin ?? origin };
        fc.pre(headers[TOKEN_HEADER] !== server.token);
        expect((await send(`${origin}/api/listInterfaces`, headers, '{}')).status).toBe(403);
      }),
      { numRuns: 300 },
    );
    expect(backendCalls).toBe(before);
  });

  it(`answers ${RANDOM_BODIES} random bodies with a valid token with typed replies or 400/413, never a 500`, async () => {
    const names = fc.oneof(
      { arbitrary: fc.constantFrom(...methods), weight: 6 },
      fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', ''),
      fc.string(),
    );
    const bodies = fc.oneof(
      fc.json(),
      fc.string(),
      fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
      validKey.map((key) => JSON.stringify(key)),
      { arbitrary: malformedKey.map((value) => JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? ''), weight: 3 },
      pollutingObject.map((value) => JSON.stringify(value)),
      fc.integer({ min: 1, max: 4096 }).map((extra) => `"${'y'.repeat(MAX_BODY_BYTES + extra)}"`),
    );
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(names, bodies, async (name, body) => {
        const reply = await send(`${origin}/api/${encodeURIComponent(name)}`, trusted(), body);
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
        expect([200, 400, 413]).toContain(reply.status);
        if (reply.status !== 200) return;
        const value: unknown = JSON.parse(reply.body);
        if (isMethod(name)) expect(replySchema(name).safeParse(value).success).toBe(true);
        else expect(AppError.safeParse((value as { error?: unknown }).error).success).toBe(true);
      }),
      { numRuns: RANDOM_BODIES },
    );
    console.info('preview fuzz statuses:', Object.fromEntries(statuses));
    expect((await send(`${origin}/`, {}, undefined, 'GET')).status).toBe(200);
    expect(unhandled).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers a key the schema refinement chokes on with a typed error, not a 500', async () => {
    // Found by the IPC fuzz: a non-numeric LUID made the LUID schema's BigInt() throw inside safeParse.
    const body = JSON.stringify({ address: '192.0.2.10', interfaceLuid: ':', interfaceIndex: 1 });
    const reply = await send(`${origin}/api/getAnycast`, trusted(), body);
    expect(reply.status).toBe(200);
    expect(AppError.parse((JSON.parse(reply.body) as { error: unknown }).error)).toMatchObject({ operation: 'get' });
  });

  it('serves only the simulated backend, even on Windows', async () => {
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    Object.defineProperty(process, 'platform', { ...platform, value: 'win32' });
    let preview: PreviewServer | undefined;
    try {
      preview = await runPreview(rendererDir, { demo: false, simulateUnelevated: false, large: false, preview: true, port: 0 });
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
    const previewOrigin = new URL(preview.url).origin;
    const headers = { Origin: previewOrigin, [TOKEN_HEADER]: preview.token, 'Content-Type': 'application/json' };
    const reply = await send(`${previewOrigin}/api/getStatus`, headers, '{}');
    await preview.close();
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { backend: 'simulated', simulatedReason: 'preview' } });
  });
});
