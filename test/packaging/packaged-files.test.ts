/**
 * What the installer ships, from a real electron-builder run with the project's own
 * electron-builder.yml: the app's bundles, koffi's loader and its Windows x64 binary, and
 * nothing else (no zod or ipaddr.js, which are bundled; no koffi C sources; no other
 * platform's binary). Only the binary is unpacked, so every JavaScript file stays under the
 * asar integrity check. The run packages a Linux folder, which needs no download and reads
 * the same `files` and `asarUnpack` rules: the Electron runtime is a stand-in file, the
 * fuses are left out (they need the real runtime; packaging-policy.ts checks them), and
 * koffi's Windows package, which npm installs only on Windows, is a stand-in with its layout.
 */
import { listPackage, extractFile, statFile } from '@electron/asar';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { load } from 'js-yaml';

const require = createRequire(import.meta.url);
const root = join(__dirname, '..', '..');
const stage = mkdtempSync(join(tmpdir(), 'anycast-packaging-'));
const project = join(stage, 'project');
const output = join(stage, 'release');

function write(path: string, text: string | Buffer = ''): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

let shipped: string[] = [];
let unpacked: string[] = [];
let asar = '';

beforeAll(() => {
  for (const name of ['package.json', 'electron-builder.yml', 'assets/icon.png']) cpSync(join(root, name), join(project, name));
  // .build-stamp.json: what `npm start` leaves in dist/ to skip an unchanged build.
  for (const name of ['main/electron-main.cjs', 'main/electron-main.cjs.map', 'main/preload.cjs', 'main/launcher.cjs', 'renderer/index.html', 'renderer/assets/index.js', '.build-stamp.json']) {
    write(join(project, 'dist', name), `// ${name}`);
  }
  const modules = join(project, 'node_modules');
  for (const name of ['koffi', 'zod', 'ipaddr.js']) cpSync(join(root, 'node_modules', name), join(modules, name), { recursive: true });
  const koffiVersion = (JSON.parse(readFileSync(join(modules, 'koffi', 'package.json'), 'utf8')) as { version: string }).version;
  // Another platform's binary package, as npm installs on the machine that packages.
  for (const name of readdirSync(join(root, 'node_modules', '@koromix'))) {
    cpSync(join(root, 'node_modules', '@koromix', name), join(modules, '@koromix', name), { recursive: true });
  }
  const win = join(modules, '@koromix', 'koffi-win32-x64');
  write(join(win, 'package.json'), JSON.stringify({ name: '@koromix/koffi-win32-x64', version: koffiVersion, main: './index.js', os: ['win32'], cpu: ['x64'] }));
  write(join(win, 'index.js'), "module.exports = require('./win32_x64/koffi.node');\n");
  write(join(win, 'README.md'), 'stand-in');
  write(join(win, 'win32_x64', 'koffi.node'), Buffer.from('MZ stand-in'));
  write(join(win, 'win32_x64', 'koffi.lib'), Buffer.from('!<arch> stand-in'));

  const electronDist = join(stage, 'electron');
  write(join(electronDist, 'electron'), '');
  const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
  delete config.electronFuses;
  Object.assign(config, {
    electronDist,
    electronVersion: (require('electron/package.json') as { version: string }).version,
    directories: { ...(config.directories as object), output },
  });
  const configFile = join(stage, 'electron-builder.json');
  writeFileSync(configFile, JSON.stringify(config));

  const cli = require.resolve('electron-builder/cli.js');
  const run = spawnSync(process.execPath, [cli, '--linux', 'dir', '--x64', '--config', configFile, '--projectDir', project], {
    encoding: 'utf8',
    timeout: 180_000,
    env: { ...process.env, CI: 'true' },
  });
  if (run.status !== 0) throw new Error(`electron-builder failed:\n${run.stdout}\n${run.stderr}`);
  const resources = join(output, 'linux-unpacked', 'resources');
  asar = join(resources, 'app.asar');
  shipped = listPackage(asar, { isPack: false })
    .map((path) => path.split('\\').join('/').replace(/^\//, ''))
    .filter((path) => !('files' in statFile(asar, path)))
    .sort();
  unpacked = filesUnder(join(resources, 'app.asar.unpacked'));
}, 240_000);

describe('the packaged app', () => {
  it("ships the app's bundles and koffi's loader and Windows x64 binary, and nothing else", () => {
    expect(shipped).toEqual(
      [
        'assets/icon.png',
        'dist/main/electron-main.cjs',
        'dist/main/preload.cjs',
        'dist/renderer/assets/index.js',
        'dist/renderer/index.html',
        'node_modules/@koromix/koffi-win32-x64/index.js',
        'node_modules/@koromix/koffi-win32-x64/package.json',
        'node_modules/@koromix/koffi-win32-x64/win32_x64/koffi.node',
        'node_modules/koffi/LICENSE.txt',
        'node_modules/koffi/index.cjs',
        'node_modules/koffi/package.json',
        'node_modules/koffi/src/koffi/index.cjs',
        'node_modules/koffi/src/koffi/src/static.cjs',
        'package.json',
      ].sort(),
    );
  });

  it('unpacks the native binary alone, so every script stays under the integrity check', () => {
    expect(unpacked).toEqual(['node_modules/@koromix/koffi-win32-x64/win32_x64/koffi.node']);
  });

  it("ships a koffi that loads: its shipped files find and load this platform's binary", () => {
    const check = mkdtempSync(join(tmpdir(), 'anycast-packaged-koffi-'));
    for (const path of shipped.filter((p) => p.startsWith('node_modules/koffi/'))) {
      write(join(check, path), extractFile(asar, path));
    }
    for (const name of readdirSync(join(root, 'node_modules', '@koromix'))) {
      cpSync(join(root, 'node_modules', '@koromix', name), join(check, 'node_modules', '@koromix', name), { recursive: true });
    }
    const run = spawnSync(process.execPath, ['-e', "const k = require('koffi'); process.stdout.write(String(k.sizeof('int')))"], {
      cwd: check,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('4');
  });
});
