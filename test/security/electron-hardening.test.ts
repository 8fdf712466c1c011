/**
 * The main process's security wiring, run against a fake Electron: window
 * preferences, navigation/window/permission lockdown, the IPC sender check,
 * the app:// protocol, the single-instance lock and the CSP.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { channelOf, methods } from '../../app/ipc-channels';
import { AppError } from '../../app/model';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY, RENDERER_SECURITY_HEADERS } from '../../main/security/content-security-policy';
import { APP_PAGE, FakeSession, invokeEvent, mockElectron, type FakeWebContents, type FakeWindow } from './electron-fake';

const FOREIGN_URLS = [
  'https://evil.example/',
  'http://127.0.0.1:8080/',
  'file:///C:/Windows/System32/drivers/etc/hosts',
  'app://evil/index.html',
  'app://anycast-manager@evil.example/',
  'app://user:pass@anycast-manager/',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'devtools://devtools/bundled/inspector.html',
  'not a url',
];

describe('the main window', () => {
  it('is created with isolated, sandboxed, Node-free web preferences', async () => {
    const fake = mockElectron();
    const { createMainWindow } = await import('../../main/electron/main-window');
    createMainWindow('/app/dist/main/preload.cjs', '/app/assets/icon.png', () => undefined);
    const [window] = fake.windows;
    expect(window?.options.webPreferences).toEqual({
      preload: '/app/dist/main/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: false,
      devTools: false,
    });
    expect(window?.loadedUrl).toBe(APP_PAGE);
  });

  it('keeps developer tools for development runs only', async () => {
    const fake = mockElectron();
    fake.app.isPackaged = false;
    const { createMainWindow } = await import('../../main/electron/main-window');
    createMainWindow('/dev/preload.cjs', '/dev/icon.png', () => undefined);
    expect(fake.windows[0]?.options.webPreferences?.devTools).toBe(true);
  });
});

describe('the web contents lockdown', () => {
  async function lockedDown() {
    const fake = mockElectron();
    const { lockDownWebContents } = await import('../../main/electron/lockdown');
    lockDownWebContents();
    const contents = new fake.BrowserWindow({}).webContents;
    fake.app.emit('web-contents-created', {}, contents);
    return { fake, contents };
  }

  function attempt(contents: FakeWebContents, event: string, url: string): boolean {
    const preventDefault = vi.fn();
    contents.emit(event, { preventDefault }, url);
    return preventDefault.mock.calls.length > 0;
  }

  it.each(FOREIGN_URLS)('blocks navigation and redirects to %s', async (url) => {
    const { contents } = await lockedDown();
    expect(attempt(contents, 'will-navigate', url)).toBe(true);
    expect(attempt(contents, 'will-redirect', url)).toBe(true);
  });

  it('lets the app move within its own origin', async () => {
    const { contents } = await lockedDown();
    expect(attempt(contents, 'will-navigate', 'app://anycast-manager/index.html#/entries')).toBe(false);
  });

  it('denies every new window, even one on the app origin, and every webview', async () => {
    const { contents } = await lockedDown();
    for (const url of [...FOREIGN_URLS, APP_PAGE]) expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    expect(attempt(contents, 'will-attach-webview', APP_PAGE)).toBe(true);
  });

  it('refuses every permission request and check but a clipboard write, in the default session and in any later one', async () => {
    const { fake } = await lockedDown();
    const later = new FakeSession();
    fake.app.emit('session-created', later);
    const topFrame = { requestingUrl: APP_PAGE, isMainFrame: true };
    for (const session of [fake.session.defaultSession, later]) {
      for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'serial', 'fullscreen', 'unknown']) {
        const callback = vi.fn();
        session.permissionRequest?.({}, permission, callback, topFrame);
        expect(callback).toHaveBeenCalledExactlyOnceWith(false);
        expect(session.permissionCheck?.({}, permission, 'app://anycast-manager', topFrame)).toBe(false);
      }
      expect(session.devicePermission?.({ deviceType: 'usb', origin: APP_PAGE })).toBe(false);
    }
  });

  it("lets only the app's own top frame write to the clipboard, for Copy details", async () => {
    const { fake } = await lockedDown();
    const session = fake.session.defaultSession;
    const write = 'clipboard-sanitized-write';
    const request = (details: { requestingUrl: string; isMainFrame: boolean }) => {
      const callback = vi.fn();
      session.permissionRequest?.({}, write, callback, details);
      return callback.mock.calls[0]?.[0] as boolean;
    };
    expect(request({ requestingUrl: APP_PAGE, isMainFrame: true })).toBe(true);
    expect(session.permissionCheck?.({}, write, 'app://anycast-manager', { isMainFrame: true })).toBe(true);
    expect(request({ requestingUrl: APP_PAGE, isMainFrame: false })).toBe(false);
    expect(session.permissionCheck?.({}, write, 'app://anycast-manager', { isMainFrame: false })).toBe(false);
    for (const url of FOREIGN_URLS) {
      expect(request({ requestingUrl: url, isMainFrame: true })).toBe(false);
      expect(session.permissionCheck?.({}, write, url, { isMainFrame: true })).toBe(false);
    }
  });
});

describe('the IPC handlers', () => {
  async function registered() {
    const fake = mockElectron();
    const { registerIpcHandlers } = await import('../../main/electron/ipc-handlers');
    const window: FakeWindow = new fake.BrowserWindow({});
    const handle = vi.fn(async (method: unknown, payload: unknown) => ({ ok: true as const, value: { method, payload } }));
    const logFault = vi.fn();
    let current: FakeWindow | undefined = window;
    registerIpcHandlers({ handle }, () => current as never, logFault);
    const call = (method: string, event: unknown) => fake.ipcHandlers.get(channelOf(method as never))?.(event, { probe: 1 });
    return { fake, window, handle, logFault, call, closeWindow: () => (current = undefined) };
  }

  it('registers one handler per contract method', async () => {
    const { fake } = await registered();
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(methods.map(channelOf).sort());
  });

  it.each(methods)('passes %s from the app window top frame to the service', async (method) => {
    const { window, handle, call } = await registered();
    await expect(call(method, invokeEvent(window.webContents))).resolves.toEqual({ ok: true, value: { method, payload: { probe: 1 } } });
    expect(handle).toHaveBeenCalledExactlyOnceWith(method, { probe: 1 });
  });

  const untrusted: [string, (w: FakeWindow, other: FakeWindow) => unknown][] = [
    ['another window', (_w, other) => invokeEvent(other.webContents)],
    ['a subframe on the app origin', (w) => invokeEvent(w.webContents, { url: APP_PAGE })],
    ['a frame that is gone', (w) => invokeEvent(w.webContents, null)],
    ...FOREIGN_URLS.map((url): [string, (w: FakeWindow) => unknown] => [
      `the top frame showing ${url}`,
      (w) => {
        w.webContents.mainFrame.url = url;
        return invokeEvent(w.webContents);
      },
    ]),
  ];

  it.each(untrusted)('refuses %s with a typed error, without calling the service', async (_name, event) => {
    const { fake, window, handle, call } = await registered();
    const other = new fake.BrowserWindow({});
    for (const method of methods) {
      const reply = (await call(method, event(window, other))) as { ok: boolean; error: unknown };
      expect(reply.ok).toBe(false);
      expect(AppError.parse(reply.error).what).toMatch(/did not come from the Anycast Manager window/);
    }
    expect(handle).not.toHaveBeenCalled();
  });

  it('refuses everything once the window is closed or destroyed', async () => {
    const { window, handle, call, closeWindow } = await registered();
    window.destroyed = true;
    expect(await call('listAnycast', invokeEvent(window.webContents))).toMatchObject({ ok: false });
    closeWindow();
    expect(await call('listAnycast', invokeEvent(window.webContents))).toMatchObject({ ok: false });
    expect(handle).not.toHaveBeenCalled();
  });

  it('turns a service that throws anyway into a typed internal error and logs it', async () => {
    const { window, handle, logFault, call } = await registered();
    handle.mockRejectedValueOnce(new SyntaxError('Cannot convert abc to a BigInt'));
    const reply = (await call('createAnycast', invokeEvent(window.webContents))) as { ok: boolean; error: unknown };
    expect(reply.ok).toBe(false);
    expect(AppError.parse(reply.error)).toMatchObject({ code: 1359, operation: 'create' });
    expect(logFault).toHaveBeenCalledExactlyOnceWith('createAnycast', expect.any(SyntaxError));
  });
});

describe('the app:// protocol', () => {
  async function served() {
    const dir = mkdtempSync(join(tmpdir(), 'anycast-protocol-'));
    mkdirSync(join(dir, 'renderer'));
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(dir, 'secret.txt'), 'outside');
    const fake = mockElectron();
    const { registerAppScheme, serveRenderer } = await import('../../main/electron/app-protocol');
    registerAppScheme();
    serveRenderer(join(dir, 'renderer'));
    const handler = fake.protocolHandlers.get('app');
    return { fake, fetchApp: (url: string) => handler!({ url }) };
  }

  it('registers app: as a standard, secure scheme with no extra privileges', async () => {
    const { fake } = await served();
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true } },
    ]);
  });

  it('serves the renderer with the CSP and the other security headers', async () => {
    const { fetchApp } = await served();
    const response = await fetchApp(APP_PAGE);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>app</title>');
    for (const [name, value] of Object.entries(RENDERER_SECURITY_HEADERS)) expect(response.headers.get(name)).toBe(value);
  });

  it.each(['app://anycast-manager/%2e%2e/secret.txt', 'app://anycast-manager/..%5csecret.txt', 'app://anycast-manager/%E0%A4%A', 'app://anycast-manager/%00', 'app://evil/index.html'])(
    'answers 404 for %s',
    async (url) => {
      const { fetchApp } = await served();
      const response = await fetchApp(url);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('outside');
    },
  );
});

describe('the main process entry', () => {
  it('quits at once when another instance holds the lock', async () => {
    const fake = mockElectron();
    fake.app.requestSingleInstanceLock.mockReturnValue(false);
    await import('../../main/electron/electron-main');
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.app.whenReady).not.toHaveBeenCalled();
    expect(fake.windows).toEqual([]);
  });

  it('sandboxes every renderer, starts one locked-down window, and focuses it for a second instance', async () => {
    const fake = mockElectron();
    await import('../../main/electron/electron-main');
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    const [window] = fake.windows;
    expect(fake.app.enableSandbox).toHaveBeenCalled();
    expect(fake.app.listenerCount('web-contents-created')).toBe(1);
    expect(fake.ipcHandlers.size).toBe(methods.length);
    expect(window?.loadedUrl).toBe(APP_PAGE);

    window!.minimized = true;
    fake.app.emit('second-instance', {}, ['AnycastManager.exe', '--demo'], '/');
    expect(window!.restore).toHaveBeenCalledOnce();
    expect(window!.focus).toHaveBeenCalledOnce();
  });
});

describe('the Content Security Policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((text) => {
      const [name = '', ...sources] = text.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );

  it('loads scripts only from the app itself: no inline script, no eval, no nonces or hashes', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.has('script-src-elem')).toBe(false);
    expect(directives.has('script-src-attr')).toBe(false);
  });

  it('names no remote origin and no unsafe source anywhere', () => {
    // Only these sources are allowed; 'unsafe-inline' styles are Fluent UI's run-time CSS-in-JS.
    const allowed: Record<string, string[]> = { 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] };
    for (const [name, sources] of directives) {
      for (const source of sources) expect(allowed[name] ?? ["'self'", "'none'"], `${name} ${source}`).toContain(source);
    }
  });

  it('forbids framing, base changes and form posts', () => {
    for (const name of ['frame-ancestors', 'base-uri', 'form-action']) expect(directives.get(name)).toEqual(["'none'"]);
  });

  it('is the same policy the renderer page declares', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(META_CONTENT_SECURITY_POLICY);
  });
});
