import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AnycastApi } from '../../app/ipc-contract';
import { ERROR_INTERNAL_ERROR } from '../../app/win32-errors';
import { connectToApi, PREVIEW_TOKEN_STORAGE_KEY } from '../../renderer/api/connectToApi';
import { createPreviewApi } from '../../renderer/api/previewApi';
import { appError, createFakeApi, WINDOWS_ELEVATED } from './fakeApi';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const KEY = { address: '192.0.2.10', interfaceLuid: '1688849877041152', interfaceIndex: 12 };

describe('Browser preview API client', () => {
  it('POSTs the request as JSON to /api/<method> with the token, and returns the reply as is', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(json({ ok: true, value: WINDOWS_ELEVATED }));
    const reply = await createPreviewApi('s3cret', fetchMock).getStatus({});

    expect(reply).toEqual({ ok: true, value: WINDOWS_ELEVATED });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/getStatus');
    expect(init?.method).toBe('POST');
    expect(init?.headers).toMatchObject({ 'Content-Type': 'application/json', 'X-Anycast-Token': 's3cret' });
    expect(init?.body).toBe('{}');
  });

  it('passes a Windows error reply through unchanged', async () => {
    const error = appError();
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(json({ ok: false, error }));
    const reply = await createPreviewApi('t', fetchMock).createAnycast(KEY);

    expect(JSON.parse(String(fetchMock.mock.calls[0]![1]?.body))).toEqual(KEY);
    expect(reply).toEqual({ ok: false, error });
  });

  it.each([
    ['a non-200 status', () => Promise.resolve(json({ message: 'bad token' }, 403)), /HTTP 403/],
    ['a network failure', () => Promise.reject(new TypeError('Failed to fetch')), /Failed to fetch/],
    ['an unparsable body', () => Promise.resolve(new Response('<html>oops</html>', { status: 200 })), /could not be read/],
    ['a body that is not a reply', () => Promise.resolve(json({ status: 'fine' })), /not an \{ ok, value \| error \} reply/],
    ['a reply whose value breaks the contract', () => Promise.resolve(json({ ok: true, value: { removed: 'yes' } })), /expected form \(value: /],
    ['an error reply without the error words', () => Promise.resolve(json({ ok: false, error: { code: 5 } })), /expected form \(error\./],
  ])('turns %s into an internal-error reply instead of throwing', async (_, respond, systemMessage) => {
    const reply = await createPreviewApi('t', vi.fn<typeof fetch>(respond)).deleteAnycast(KEY);

    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error).toMatchObject({ code: ERROR_INTERNAL_ERROR, symbol: 'ERROR_INTERNAL_ERROR', operation: 'delete', address: '192.0.2.10' });
    expect(reply.error.systemMessage).toMatch(systemMessage);
    for (const field of ['title', 'what', 'why', 'todo'] as const) expect(reply.error[field].length).toBeGreaterThan(10);
  });
});

describe('Finding the API', () => {
  afterEach(() => {
    delete window.anycastManager;
    sessionStorage.removeItem(PREVIEW_TOKEN_STORAGE_KEY);
    window.history.replaceState(null, '', '/');
    vi.unstubAllGlobals();
  });

  it('uses the preload API in Electron, turning a rejected IPC call into an error reply', async () => {
    const preload: AnycastApi = { ...createFakeApi(), listAnycast: () => Promise.reject(new Error('No handler registered')) };
    window.anycastManager = preload;

    const connection = connectToApi();
    expect(connection.kind).toBe('electron');
    if (connection.kind === 'missing') return;
    expect(await connection.api.getStatus({})).toEqual({ ok: true, value: WINDOWS_ELEVATED });
    const reply = await connection.api.listAnycast({});
    expect(reply).toMatchObject({ ok: false, error: { code: ERROR_INTERNAL_ERROR, operation: 'list-anycast' } });
  });

  it('uses the preview server with the token from the address fragment, and sends it as the header', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(json({ ok: true, value: WINDOWS_ELEVATED }));
    vi.stubGlobal('fetch', fetchMock);
    window.history.replaceState(null, '', '/?lang=en#token=abc123');

    const connection = connectToApi();
    expect(connection.kind).toBe('preview');
    if (connection.kind === 'missing') return;
    await connection.api.getStatus({});
    expect(fetchMock.mock.calls[0]![1]?.headers).toMatchObject({ 'X-Anycast-Token': 'abc123' });
  });

  it('takes the token out of the address bar, and finds it again after a reload of the tab', () => {
    window.history.replaceState(null, '', '/?lang=en#token=abc123');
    connectToApi();
    expect(window.location.href).not.toContain('abc123');
    expect(`${window.location.pathname}${window.location.search}${window.location.hash}`).toBe('/?lang=en');
    expect(connectToApi().kind).toBe('preview');
  });

  it('reports that there is no API otherwise', () => {
    expect(connectToApi().kind).toBe('missing');
    window.history.replaceState(null, '', '/#token=');
    expect(connectToApi().kind).toBe('missing');
  });
});
