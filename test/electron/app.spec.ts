/**
 * The real Electron window: what the page can reach (the preload's API and nothing else),
 * what it is refused (navigation, new windows, permissions, IPC from any frame but the
 * app window's top frame), the CSP on app:// responses, and add, duplicate-add and delete
 * through the simulated computer (--demo) and, on Windows, through Windows' own API.
 */
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { methods } from '../../app/ipc-channels';
import { binary, expect, requested, skipReason, test } from './electron-app';

test.skip(!binary.installed && !requested, skipReason);

const PRELOAD = join(__dirname, '..', '..', 'dist', 'main', 'preload.cjs');

async function addAddress(page: Page, address: string, ifaceLabel: RegExp) {
  await page.getByRole('textbox', { name: 'Address' }).fill(address);
  await page.getByRole('combobox', { name: 'Interface' }).click();
  await page.getByRole('option', { name: ifaceLabel }).click();
  await page.getByRole('button', { name: 'Add', exact: true }).click();
}

const anycastTable = (page: Page) => page.getByRole('table', { name: /^Anycast addresses/ });
const rowOf = (page: Page, address: string) => anycastTable(page).getByRole('row', { name: new RegExp(`^${address.replace(/[.]/g, '\\.')} `) });

/** Add, the same again (refused as a duplicate), then delete, through the window. */
async function addDuplicateDelete(page: Page, address: string, ifaceLabel: RegExp, alias: string) {
  await addAddress(page, address, ifaceLabel);
  await expect(rowOf(page, address)).toBeVisible();
  await addAddress(page, address, ifaceLabel);
  const refusal = page.getByRole('alertdialog');
  await expect(refusal).toContainText('ERROR_OBJECT_ALREADY_EXISTS');
  await refusal.getByRole('button', { name: 'Close' }).click();
  await anycastTable(page).getByRole('button', { name: `Delete ${address} from ${alias}` }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(rowOf(page, address)).toHaveCount(0);
}

test('the page gets the preload API and nothing else of Node or Electron', async ({ electronApp: { window: page } }) => {
  const reach = await page.evaluate(() => {
    const scope = globalThis as Record<string, unknown>;
    return {
      api: Object.keys(scope.anycastManager as object).sort(),
      require: typeof scope.require,
      process: typeof scope.process,
      ipcRenderer: typeof scope.ipcRenderer,
      electron: typeof scope.electron,
      module: typeof scope.module,
    };
  });
  expect(reach).toEqual({
    api: [...methods, 'onInterfacesChanged'].sort(),
    require: 'undefined',
    process: 'undefined',
    ipcRenderer: 'undefined',
    electron: 'undefined',
    module: 'undefined',
  });
  expect(page.url()).toBe('app://anycast-manager/index.html');
});

test('navigation, window.open and permission requests are refused', async ({ electronApp: { app, window: page } }) => {
  await page.evaluate(() => {
    location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe('app://anycast-manager/index.html');
  expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
  expect(await page.evaluate(() => window.open('app://anycast-manager/index.html') === null)).toBe(true);
  expect(app.windows()).toHaveLength(1);
  expect(await page.evaluate(() => Notification.requestPermission())).toBe('denied');
  expect(await page.evaluate(() => navigator.permissions.query({ name: 'geolocation' }).then((p) => p.state))).toBe('denied');
  expect(
    await page.evaluate(() =>
      navigator.mediaDevices.getUserMedia({ audio: true }).then(
        () => 'granted',
        (error: Error) => error.name,
      ),
    ),
  ).toBe('NotAllowedError');
});

test('every app:// response carries the CSP', async ({ electronApp: { app } }) => {
  const headers = await app.evaluate(async ({ net }) => {
    const page = await net.fetch('app://anycast-manager/index.html');
    const missing = await net.fetch('app://anycast-manager/no-such-file.js');
    return { page: [page.status, page.headers.get('content-security-policy')], missing: [missing.status, missing.headers.get('content-security-policy')] };
  });
  expect(headers.page[0]).toBe(200);
  expect(headers.page[1]).toMatch(/^default-src 'none'; script-src 'self';.*frame-ancestors 'none'$/);
  expect(headers.missing[1]).toBe(headers.page[1]);
});

test('an IPC call from a frame other than the app window top frame is refused', async ({ electronApp: { app, window: page } }) => {
  // The window's own call, as the control.
  expect(await page.evaluate(() => (globalThis as unknown as { anycastManager: { getStatus(r: object): Promise<{ ok: boolean }> } }).anycastManager.getStatus({}))).toMatchObject({
    ok: true,
  });
  // A second window with the same preload on the same origin: its frame is not the app window's.
  const reply = await app.evaluate(async ({ BrowserWindow }, preload) => {
    const second = new BrowserWindow({ show: false, webPreferences: { preload, sandbox: true, contextIsolation: true } });
    try {
      await second.loadURL('app://anycast-manager/index.html');
      return await second.webContents.executeJavaScript('window.anycastManager ? window.anycastManager.getStatus({}) : "no api"');
    } finally {
      second.destroy();
    }
  }, PRELOAD);
  expect(reply).toMatchObject({ ok: false, error: { what: 'The request did not come from the Anycast Manager window.' } });
});

test('adds, refuses a duplicate of, and deletes an address on the simulated computer (--demo)', async ({ electronApp: { window: page } }) => {
  await expect(page.getByText('Simulated backend')).toBeVisible();
  await addDuplicateDelete(page, '192.0.2.77', /^Ethernet \(index 12\)/, 'Ethernet');
});

test.describe('through the Windows backend', () => {
  const alias = process.env.ANYCAST_TEST_INTERFACE;
  test.skip(process.platform !== 'win32', 'Windows only: the Windows backend runs only there.');
  test.use({ launchArgs: [] });

  test('adds, refuses a duplicate of, and deletes a documentation address on the interface named in ANYCAST_TEST_INTERFACE', async ({
    electronApp: { window: page },
  }) => {
    if (!alias) throw new Error('On Windows these tests need ANYCAST_TEST_INTERFACE: an interface they may add 2001:db8:e2e::1 to.');
    const address = '2001:db8:e2e::1';
    await expect(page.getByText('Windows backend')).toBeVisible();
    try {
      await addDuplicateDelete(page, address, new RegExp(`^${alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(index \\d+\\)`), alias);
    } finally {
      // Whatever failed above, nothing this test added stays on the runner's adapter.
      await page.evaluate(async ([entryAddress, name]) => {
        const api = (globalThis as unknown as { anycastManager: import('../../app/ipc-contract').AnycastApi }).anycastManager;
        const interfaces = await api.listInterfaces({});
        const iface = interfaces.ok ? interfaces.value.find((i) => i.alias === name) : undefined;
        if (iface) await api.deleteAnycast({ address: entryAddress, interfaceLuid: iface.luid, interfaceIndex: iface.index });
      }, [address, alias] as const);
    }
  });
});
