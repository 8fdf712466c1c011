/**
 * Starting the real app in the real Electron runtime for Playwright. The runtime is
 * downloaded by `npm ci` where the network allows (not here, where it is skipped with
 * ELECTRON_SKIP_BINARY_DOWNLOAD=1). These tests are the one exception to "CI=true fails
 * instead of skipping": without the runtime they skip and say why, unless
 * ANYCAST_ELECTRON_E2E=1 asks for them (the Windows workflow does), and then a missing
 * runtime fails at the launch.
 */
import { _electron as electron, test as base, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repoRoot = join(__dirname, '..', '..');
const electronPackage = join(repoRoot, 'node_modules', 'electron');

/** Where the electron package's own index.js looks: path.txt names the binary under dist/. */
function electronBinary(): { path: string; installed: boolean } {
  const pathFile = join(electronPackage, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : process.platform === 'win32' ? 'electron.exe' : 'electron';
  const path = join(electronPackage, 'dist', name);
  return { path, installed: existsSync(path) };
}

export const binary = electronBinary();
export const requested = process.env.ANYCAST_ELECTRON_E2E === '1';
export const skipReason =
  `the Electron runtime is not installed (${binary.path} is missing: npm ci skipped its download, as with ELECTRON_SKIP_BINARY_DOWNLOAD=1). ` +
  'Set ANYCAST_ELECTRON_E2E=1 to run them anyway, which then fails at the launch.';
if (!binary.installed && !requested) console.warn(`[skipped] The Electron end-to-end tests: ${skipReason}`);

export interface LaunchedApp {
  app: ElectronApplication;
  window: Page;
}

export const test = base.extend<{ launchArgs: string[]; electronApp: LaunchedApp }>({
  launchArgs: [['--demo'], { option: true }],
  electronApp: async ({ launchArgs }, use) => {
    if (!existsSync(join(repoRoot, 'dist', 'main', 'electron-main.cjs'))) throw new Error('dist/main is missing: run `npm run build` first.');
    // A data folder of its own: the fault log, audit log and saved set of one test never meet another's.
    const dataDir = mkdtempSync(join(tmpdir(), 'anycast-electron-'));
    const app = await electron.launch({
      executablePath: binary.path,
      args: [repoRoot, ...launchArgs],
      env: { ...process.env, APPDATA: dataDir, XDG_CONFIG_HOME: dataDir, ELECTRON_ENABLE_LOGGING: '1' },
    });
    try {
      const window = await app.firstWindow();
      await window.waitForLoadState('domcontentloaded');
      await use({ app, window });
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect } from '@playwright/test';
