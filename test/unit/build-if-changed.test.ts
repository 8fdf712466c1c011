// The build stamp behind `npm start`: the real script, in a scratch project whose `npm run build`
// writes the outputs and counts its runs, so each case shows whether a build ran.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../../build-if-changed.mjs', import.meta.url));

const FAKE_BUILD = `
const fs = require('node:fs');
if (fs.existsSync('fail-build')) process.exit(3);
for (const file of ['dist/main/launcher.cjs', 'dist/main/electron-main.cjs', 'dist/main/preload.cjs', 'dist/renderer/index.html']) {
  fs.mkdirSync(require('node:path').dirname(file), { recursive: true });
  fs.writeFileSync(file, fs.readFileSync('app/core.ts'));
}
fs.appendFileSync('builds.log', 'built\\n');
`;

let project: string;

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'anycast-build-stamp-'));
  copyFileSync(SCRIPT, join(project, 'build-if-changed.mjs'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'scratch', private: true, scripts: { build: 'node fake-build.cjs' } }));
  writeFileSync(join(project, 'fake-build.cjs'), FAKE_BUILD);
  for (const folder of ['app', 'main', 'renderer']) mkdirSync(join(project, folder));
  writeFileSync(join(project, 'app', 'core.ts'), 'export const a = 1;\n');
});

afterEach(() => rmSync(project, { recursive: true, force: true }));

function start(): { status: number | null; output: string; builds: number } {
  const run = spawnSync(process.execPath, ['build-if-changed.mjs'], { cwd: project, encoding: 'utf8' });
  let builds = 0;
  try {
    builds = readFileSync(join(project, 'builds.log'), 'utf8').split('\n').filter(Boolean).length;
  } catch {
    // No build has run.
  }
  return { status: run.status, output: run.stdout + run.stderr, builds };
}

describe('npm start builds only what changed', () => {
  it('builds the first time, then starts without building while nothing changes', () => {
    expect(start()).toMatchObject({ status: 0, builds: 1 });
    const second = start();
    expect(second).toMatchObject({ status: 0, builds: 1 });
    expect(second.output).toMatch(/up to date .*so it is not rebuilt/);
    expect(start().builds).toBe(1);
  });

  it('builds again after a source, a configuration file or the installed packages change', () => {
    start();
    writeFileSync(join(project, 'app', 'core.ts'), 'export const a = 2;\n');
    expect(start().builds).toBe(2);
    writeFileSync(join(project, 'renderer', 'new.tsx'), 'export {};\n');
    expect(start().builds).toBe(3);
    writeFileSync(join(project, 'vite.config.ts'), 'export default {};\n');
    expect(start().builds).toBe(4);
    mkdirSync(join(project, 'node_modules'));
    writeFileSync(join(project, 'node_modules', '.package-lock.json'), '{}');
    expect(start().builds).toBe(5);
    expect(start().builds).toBe(5);
  });

  it('builds again when the output was changed or removed by something else', () => {
    start();
    writeFileSync(join(project, 'dist', 'renderer', 'index.html'), 'from another build, a little longer');
    expect(start().builds).toBe(2);
    unlinkSync(join(project, 'dist', 'main', 'launcher.cjs'));
    expect(start().builds).toBe(3);
    expect(start().builds).toBe(3);
  });

  it('a failed build stops the start, and the next start builds again', () => {
    start();
    writeFileSync(join(project, 'app', 'core.ts'), 'export const a = 3;\n');
    writeFileSync(join(project, 'fail-build'), '');
    expect(start()).toMatchObject({ status: 3, builds: 1 });
    unlinkSync(join(project, 'fail-build'));
    expect(start()).toMatchObject({ status: 0, builds: 2 });
  });
});
