/**
 * The renderer file reader behind the preview and app://: a symbolic link inside its folder
 * is never followed, and a name Windows reserves for a device is never opened, even where
 * (as here, on Linux) a real file carries that name.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isWindowsDeviceName, readStaticFile } from '../../main/security/static-files';

const outside = mkdtempSync(join(tmpdir(), 'anycast-static-outside-'));
const root = mkdtempSync(join(tmpdir(), 'anycast-static-'));
writeFileSync(join(outside, 'secret.json'), '{"secret":true}');
mkdirSync(join(outside, 'folder'));
writeFileSync(join(outside, 'folder', 'app.js'), 'secret()');
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html>');
writeFileSync(join(root, 'assets', 'app.js'), 'app()');
symlinkSync(join(outside, 'secret.json'), join(root, 'linked.json'));
symlinkSync(join(root, 'assets', 'app.js'), join(root, 'assets', 'alias.js'));
symlinkSync(join(outside, 'folder'), join(root, 'linked-folder'));
for (const name of ['CON.json', 'con.JSON', 'nul.js', 'COM1.css', 'lpt9.html', 'AUX .json', 'PRN..json', 'CON.tar.json']) {
  writeFileSync(join(root, name), 'device');
}
mkdirSync(join(root, 'aux'));
writeFileSync(join(root, 'aux', 'app.js'), 'device folder');

const body = async (path: string) => (await readStaticFile(root, path))?.body.toString();

describe('the renderer file reader', () => {
  it('serves plain files inside its folder', async () => {
    expect(await body('/')).toBe('<!doctype html>');
    expect(await body('/assets/app.js')).toBe('app()');
  });

  it.each(['/linked.json', '/assets/alias.js', '/linked-folder/app.js'])('refuses the symbolic link %s', async (path) => {
    expect(await readStaticFile(root, path)).toBeUndefined();
  });

  it.each(['/CON.json', '/con.JSON', '/nul.js', '/COM1.css', '/lpt9.html', '/AUX%20.json', '/PRN..json', '/CON.tar.json', '/aux/app.js'])(
    'refuses the Windows device name in %s',
    async (path) => {
      expect(await readStaticFile(root, path)).toBeUndefined();
    },
  );
});

describe('Windows device names', () => {
  it.each(['CON', 'con', 'Con.json', 'PRN.html', 'AUX', 'NUL.js', 'COM1', 'com9.txt', 'LPT1', 'lpt9.css', 'CON.', 'CON. .', 'NUL ', 'CON .json', 'COM\u00B9', 'CONIN$', 'conout$.txt', 'AUX:stream'])(
    '%j is one',
    (name) => {
      expect(isWindowsDeviceName(name)).toBe(true);
    },
  );

  it.each(['index.html', 'CONSOLE.json', 'COM0', 'COM10', 'LPT', 'NULL.js', 'icon.png', 'xCON.json', 'assets'])('%j is not one', (name) => {
    expect(isWindowsDeviceName(name)).toBe(false);
  });
});
