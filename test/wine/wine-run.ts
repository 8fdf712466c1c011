/**
 * Runs a script with the Windows build of Node under Wine, bounded by a timeout.
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { WineEnv } from './wine-env';

const execFileAsync = promisify(execFile);

export interface WineRun {
  exitCode: number | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

/** Wine maps drive Z: to the Linux root. */
export function toWindowsPath(linuxPath: string): string {
  return `Z:${linuxPath.replaceAll('/', '\\')}`;
}

/**
 * Windows Node under Wine dies with EBADF when its stdout or stderr is a pipe,
 * so both go to files beside the script and are read back afterwards.
 */
export async function runNodeUnderWine(wine: WineEnv, script: string, args: string[], timeoutMs: number): Promise<WineRun> {
  const dir = path.dirname(script);
  const stdoutPath = path.join(dir, 'stdout.txt');
  const stderrPath = path.join(dir, 'stderr.txt');
  const stdoutFd = fs.openSync(stdoutPath, 'w');
  const stderrFd = fs.openSync(stderrPath, 'w');
  let timedOut = false;
  let exitCode: number | null;
  try {
    const child = spawn('wine', [wine.nodeExe, toWindowsPath(script), ...args], {
      cwd: dir,
      env: wine.env,
      stdio: ['ignore', stdoutFd, stderrFd],
    });
    // The wine launcher execs the loader, so the child is node.exe itself.
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    exitCode = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', resolve);
    }).finally(() => clearTimeout(timer));
  } finally {
    fs.closeSync(stdoutFd);
    fs.closeSync(stderrFd);
  }
  // Wine's service processes outlive node.exe by a few seconds; wait so none outlives the caller.
  await execFileAsync('wineserver', ['-w'], { env: wine.env, timeout: 60_000 });
  return {
    exitCode,
    timedOut,
    stdout: fs.readFileSync(stdoutPath, 'utf8'),
    stderr: fs.readFileSync(stderrPath, 'utf8'),
  };
}
