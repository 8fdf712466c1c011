/**
 * The Electronegativity runner can fail: on an insecure app it exits non-zero and
 * names the findings, and its accepted findings match only what was reviewed.
 * (The runner over the real app is the npm script security:electronegativity.)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { META_CONTENT_SECURITY_POLICY } from '../../main/security/content-security-policy';

function fixture(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'electronegativity-fixture-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function run(args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, ['test/security/electronegativity.mjs', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, output: result.stdout + result.stderr };
}

const scan = (files: Record<string, string>) => run(['--input', fixture(files)]);

const page = (csp: string) => `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${csp}"></head></html>`;

const secureWindow = `
import { BrowserWindow } from 'electron';
export const w = new BrowserWindow({ webPreferences: {
  preload,
  contextIsolation: true, sandbox: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' } });
`;

const lockdown = `
contents.on('will-navigate', (e) => e.preventDefault());
contents.setWindowOpenHandler(() => ({ action: 'deny' }));
session.setPermissionRequestHandler((_c, _p, cb) => cb(false));
`;

describe('the Electronegativity runner', () => {
  it('fails on an insecure window and a page without a CSP, naming each finding', () => {
    const { status, output } = scan({
      'main.js': `const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n`,
      'index.html': '<!doctype html><html><head></head><body></body></html>',
    });
    expect(status).toBe(1);
    for (const id of ['NODE_INTEGRATION_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'CSP_GLOBAL_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']) {
      expect(output).toContain(id);
    }
  });

  it('passes the accepted findings only where they were reviewed', () => {
    const reviewed = scan({ 'main/electron/main-window.ts': secureWindow + lockdown, 'renderer/index.html': page(META_CONTENT_SECURITY_POLICY) });
    expect(reviewed.output).toContain('0 findings');
    expect(reviewed.status).toBe(0);

    const elsewhere = scan({ 'main/other-window.ts': secureWindow + lockdown, 'renderer/index.html': page(META_CONTENT_SECURITY_POLICY) });
    expect(elsewhere.output).toContain('PRELOAD_JS_CHECK');
    expect(elsewhere.status).toBe(1);

    const changedCsp = page(META_CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' https://cdn.example"));
    const weakened = scan({ 'main/electron/main-window.ts': secureWindow + lockdown, 'renderer/index.html': changedCsp });
    expect(weakened.output).toContain('CSP_GLOBAL_CHECK');
    expect(weakened.status).toBe(1);
  });

  it('scans the main-process bundle, where code inlined from node_modules opens its windows', () => {
    const project = fixture({
      'package.json': '{"name": "fixture"}',
      'main/electron/electron-main.ts': "import { openHelpWindow } from 'help-window';\nopenHelpWindow();\n",
      'main/preload/preload.ts': 'export {};\n',
      'main/launcher.ts': 'export {};\n',
      'node_modules/help-window/package.json': '{"name": "help-window", "type": "module", "main": "index.js"}',
      'node_modules/help-window/index.js':
        "import { BrowserWindow } from 'electron';\nexport const openHelpWindow = () => new BrowserWindow({ webPreferences: { nodeIntegration: true } });\n",
      'renderer/index.html': page(META_CONTENT_SECURITY_POLICY),
      'dist/renderer/index.html': page(META_CONTENT_SECURITY_POLICY),
    });
    // The project's own build script, run in the fixture.
    const built = spawnSync(process.execPath, [resolve('esbuild.config.mjs')], { cwd: project, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    const { status, output } = run(['--root', project]);
    expect(output).toMatch(/^NODE_INTEGRATION_JS_CHECK \S+ dist\/main-esm\/electron-main\.js:/m);
    expect(output).not.toMatch(/^NODE_INTEGRATION_JS_CHECK \S+ main\//m);
    expect(output).toContain('with the main-process bundles electron-main.cjs, preload.cjs, launcher.cjs, as built and as ES modules');
    expect(status).toBe(1);
  });

  it('fails when there is no build to scan', () => {
    const project = fixture({ 'package.json': '{}', 'main/a.ts': '', 'renderer/index.html': page(META_CONTENT_SECURITY_POLICY) });
    const { status, output } = run(['--root', project]);
    expect(output).toContain('electron-main.cjs, preload.cjs, launcher.cjs missing); run `npm run build` first.');
    expect(status).toBe(2);
  });
});
