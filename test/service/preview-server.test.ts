import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SimulatedBackend } from '../../main/backends/simulated/simulated-backend';
import { MAX_BODY_BYTES, startPreviewServer, type PreviewServer } from '../../main/preview/preview-server';
import { AnycastService } from '../../main/service/anycast-service';
import { testServiceOptions } from '../support/service-options';

let server: PreviewServer;
let origin: string;
let backendCalls = 0;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'anycast-preview-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, '..', 'secret.txt'), 'outside');
  const backend = new SimulatedBackend();
  const list = backend.listInterfaces.bind(backend);
  backend.listInterfaces = () => {
    backendCalls += 1;
    return list();
  };
  server = await startPreviewServer({ service: new AnycastService(backend, testServiceOptions({ simulatedReason: 'preview' })), rendererDir: dir });
  origin = new URL(server.url).origin;
});

afterAll(() => server.close());

interface Sent {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** Raw HTTP so tests control every header, including Host and Origin. */
function send({ method = 'POST', path, headers = {}, body }: Sent): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), headers: res.headers }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const good = () => ({ Origin: origin, 'X-Anycast-Token': server.token, 'Content-Type': 'application/json' });

describe('the browser preview server', () => {
  it('listens on loopback only', () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
  });

  it('serves the page with the CSP', async () => {
    const page = await send({ method: 'GET', path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>t</title>');
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
  });

  it.each(['/', '/index.html', '/assets/app.js'])('gives no token to an unauthenticated GET %s', async (path) => {
    const reply = await send({ method: 'GET', path });
    expect(reply.status).toBe(200);
    expect(reply.body).not.toContain(server.token);
    expect(JSON.stringify(reply.headers)).not.toContain(server.token);
  });

  it('hands the token over only in the fragment of the address to open, which no request carries', () => {
    const open = new URL(server.openUrl);
    expect(open.origin + open.pathname).toBe(server.url);
    expect(open.hash).toBe(`#token=${server.token}`);
    expect(open.search).toBe('');
  });

  it('answers a request from its own page through the service', async () => {
    const before = backendCalls;
    const reply = await send({ path: '/api/listInterfaces', headers: good(), body: '{}' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true });
    expect(backendCalls).toBe(before + 1);
  });

  it.each([
    ['no token', { Origin: 'x', 'Content-Type': 'application/json' }, 403],
    ['a wrong token', { 'X-Anycast-Token': 'guess', 'Content-Type': 'application/json' }, 403],
    ['a wrong origin', { Origin: 'http://evil.example', 'Content-Type': 'application/json' }, 403],
    ['no origin', { Origin: '', 'Content-Type': 'application/json' }, 403],
    ['a form body', { 'Content-Type': 'application/x-www-form-urlencoded' }, 415],
  ])('refuses a request with %s', async (_name, headers, status) => {
    const before = backendCalls;
    const reply = await send({ path: '/api/listInterfaces', headers: { ...good(), ...headers }, body: '{}' });
    expect(reply.status).toBe(status);
    expect(backendCalls).toBe(before);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const reply = await send({ path: '/api/listInterfaces', headers: { ...good(), Host: 'attacker.example:80' }, body: '{}' });
    expect(reply.status).toBe(421);
  });

  it('refuses an oversized body without reading it all', async () => {
    const reply = await send({ path: '/api/createAnycast', headers: good(), body: 'x'.repeat(MAX_BODY_BYTES + 1) });
    expect(reply.status).toBe(413);
  });

  it('refuses invalid JSON and GET on the API', async () => {
    expect((await send({ path: '/api/listInterfaces', headers: good(), body: '{nope' })).status).toBe(400);
    expect((await send({ method: 'GET', path: '/api/listInterfaces', headers: good() })).status).toBe(405);
  });

  it('gives a typed error for an unknown method', async () => {
    const reply = await send({ path: '/api/__proto__', headers: good(), body: '{}' });
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 87 } });
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00', '/%E0%A4%A'])('does not serve %s', async (path) => {
    const reply = await send({ method: 'GET', path });
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain('outside');
  });
});
