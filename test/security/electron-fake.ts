/**
 * Small stand-ins for the parts of Electron the main process touches, so its
 * security wiring runs under Vitest where the Electron runtime is not installed.
 * mockElectron() puts a fresh one behind 'electron' for each test.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { vi } from 'vitest';

export const APP_PAGE = 'app://anycast-manager/index.html';

export interface FakeFrame {
  url: string;
}

export class FakeSession {
  permissionRequest: ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | undefined;
  permissionCheck: ((...args: unknown[]) => boolean) | undefined;
  devicePermission: ((...args: unknown[]) => boolean) | undefined;

  setPermissionRequestHandler(handler: FakeSession['permissionRequest']): void {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheck']): void {
    this.permissionCheck = handler;
  }
  setDevicePermissionHandler(handler: FakeSession['devicePermission']): void {
    this.devicePermission = handler;
  }
}

export class FakeWebContents extends EventEmitter {
  readonly mainFrame: FakeFrame = { url: APP_PAGE };
  /** The session its permission requests go to: the default one, as for a window without a partition. */
  constructor(readonly session: FakeSession) {
    super();
  }
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

export function createElectronFake() {
  const windows: FakeBrowserWindow[] = [];
  // One folder per name, as Electron's are: the same name gives the same folder.
  const paths = new Map<string, string>();
  const pathOf = (name: string) => {
    if (!paths.has(name)) paths.set(name, mkdtempSync(join(tmpdir(), `anycast-electron-fake-${name}-`)));
    return paths.get(name)!;
  };
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    exit: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
    getPath: vi.fn(pathOf),
  });

  const defaultSession = new FakeSession();
  /** What happened, in order: app events with the window they concern, and page loads. */
  const timeline: string[] = [];

  /**
   * As Electron 39's BrowserWindow: constructing it creates its web contents, and the app
   * emits 'web-contents-created' for them and then 'browser-window-created', both before
   * the constructor returns, so before anything can load a page into it.
   */
  class FakeBrowserWindow extends EventEmitter {
    readonly webContents = new FakeWebContents(defaultSession);
    loadedUrl: string | undefined;
    minimized = false;
    destroyed = false;
    readonly isMinimized = () => this.minimized;
    readonly isDestroyed = () => this.destroyed;
    readonly restore = vi.fn();
    readonly focus = vi.fn();
    readonly show = vi.fn();

    constructor(readonly options: BrowserWindowConstructorOptions) {
      super();
      windows.push(this);
      const event = () => ({ sender: this.webContents, preventDefault: () => undefined, defaultPrevented: false });
      timeline.push(`web-contents-created ${windows.length}`);
      app.emit('web-contents-created', event(), this.webContents);
      timeline.push(`browser-window-created ${windows.length}`);
      app.emit('browser-window-created', event(), this);
    }

    loadURL(url: string): Promise<void> {
      timeline.push(`load ${windows.indexOf(this) + 1} ${url}`);
      this.loadedUrl = url;
      return Promise.resolve();
    }
  }

  const ipcHandlers = new Map<string, (event: unknown, payload: unknown) => unknown>();
  const protocolHandlers = new Map<string, (request: { url: string }) => Promise<Response>>();
  return {
    app,
    BrowserWindow: FakeBrowserWindow,
    windows,
    timeline,
    session: { defaultSession },
    ipcMain: { handle: vi.fn((channel: string, handler: (event: unknown, payload: unknown) => unknown) => ipcHandlers.set(channel, handler)) },
    ipcHandlers,
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: vi.fn((scheme: string, handler: (request: { url: string }) => Promise<Response>) => protocolHandlers.set(scheme, handler)),
    },
    protocolHandlers,
    dialog: {
      showErrorBox: vi.fn<(title: string, content: string) => void>(),
      showMessageBox: vi.fn((_window: unknown, _options: { message: string; detail?: string }) => Promise.resolve({ response: 0, checkboxChecked: false })),
    },
    crashReporter: { start: vi.fn<(options: { uploadToServer?: boolean }) => void>() },
  };
}

export type ElectronFake = ReturnType<typeof createElectronFake>;
export type FakeWindow = InstanceType<ElectronFake['BrowserWindow']>;

/** A fresh fake behind 'electron'; import the module under test afterwards, dynamically. */
export function mockElectron(): ElectronFake {
  const fake = createElectronFake();
  vi.resetModules();
  vi.doMock('electron', () => fake);
  return fake;
}

/** What Electron passes an IPC handler, from a given frame of a given web contents. */
export function invokeEvent(sender: FakeWebContents, senderFrame: FakeFrame | null = sender.mainFrame) {
  return { sender, senderFrame };
}
