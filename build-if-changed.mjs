// `npm start` and `npm run preview` build first, but a full build takes tens of seconds, and
// most starts follow no change. This runs `npm run build` only when something the build reads
// has changed since the last build it made: the sources, the build configuration, the
// lockfile or the installed packages (npm's own record of them), or the build output itself
// (another `npm run build`, a deleted file). The stamp in dist/ holds a hash of each.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';

const root = import.meta.dirname;
const STAMP = join(root, 'dist', '.build-stamp.json');
const SOURCE_FOLDERS = ['app', 'main', 'renderer'];
const BUILD_FILES = [
  'package.json',
  'package-lock.json',
  join('node_modules', '.package-lock.json'),
  'vite.config.ts',
  'esbuild.config.mjs',
  'tsconfig.json',
  'build-if-changed.mjs',
];
/** What `npm run build` must leave behind for the launcher and the app to start. */
const OUTPUTS = ['main/launcher.cjs', 'main/electron-main.cjs', 'main/preload.cjs', 'renderer/index.html'];

function filesUnder(folder) {
  const found = [];
  const walk = (dir) => {
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, item.name);
      if (item.isDirectory()) walk(path);
      else if (item.isFile()) found.push(path);
    }
  };
  walk(folder);
  return found.sort();
}

/** Contents, not times: a checkout or a copy changes times without changing what is built. */
function sourceHash() {
  const hash = createHash('sha256');
  hash.update(`NODE_ENV=${process.env.NODE_ENV ?? ''}\n`);
  const files = [...SOURCE_FOLDERS.flatMap((folder) => filesUnder(join(root, folder))), ...BUILD_FILES.map((f) => join(root, f))];
  for (const file of files) {
    hash.update(`${relative(root, file)}\n`);
    try {
      hash.update(readFileSync(file));
    } catch {
      hash.update('(missing)');
    }
    hash.update('\n');
  }
  return hash.digest('hex');
}

/** Sizes and times of the output: any other build or a removed file shows here. */
function outputHash() {
  const dist = join(root, 'dist');
  const hash = createHash('sha256');
  for (const file of filesUnder(dist)) {
    if (resolve(file) === STAMP) continue;
    const { size, mtimeMs } = statSync(file);
    hash.update(`${relative(dist, file)} ${size} ${mtimeMs}\n`);
  }
  return hash.digest('hex');
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(STAMP, 'utf8'));
  } catch {
    return null;
  }
}

function outputsPresent() {
  return OUTPUTS.every((file) => {
    try {
      return statSync(join(root, 'dist', file)).isFile();
    } catch {
      return false;
    }
  });
}

const started = performance.now();
const sources = sourceHash();
const stamp = readStamp();
if (stamp && stamp.sources === sources && outputsPresent() && stamp.output === outputHash()) {
  const ms = Math.round(performance.now() - started);
  process.stdout.write(`The build in dist/ is up to date (sources, configuration and packages unchanged; checked in ${ms} ms), so it is not rebuilt.\n`);
  process.exit(0);
}

process.stdout.write(stamp ? 'Something the build reads has changed since the last build: building.\n' : 'No build of these sources yet: building.\n');
// Through the shell so that Windows finds npm.cmd.
const build = spawnSync('npm run build', { cwd: root, stdio: 'inherit', shell: true });
if (build.status !== 0) process.exit(build.status ?? 1);
writeFileSync(STAMP, JSON.stringify({ sources, output: outputHash() }, null, 2));
