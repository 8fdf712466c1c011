/**
 * The Electronegativity runner can fail: on an insecure app it exits non-zero and
 * names the findings, and its accepted findings match only what was reviewed.
 * (The runner over the real app is the npm script security:electronegativity.)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { META_CONTENT_SECURITY_POLICY } from '../../main/security/content-security-policy';

function scan(files: Record<string, string>): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'electronegativity-fixture-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const run = spawnSync(process.execPath, ['test/security/electronegativity.mjs', '--input', dir], { encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, output: run.stdout + run.stderr };
}

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
});
