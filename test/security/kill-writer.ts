/**
 * The crash tests' writer processes: a child script bundled once per test file, started,
 * killed with SIGKILL a while after it says "ready", and asked what it had reported done.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';

/** Bundles `source` (a test/security/*-child.ts file) into `dir`; returns the bundle's path. */
export async function bundleChild(source: string, dir: string): Promise<string> {
  const outfile = join(dir, 'writer-child.cjs');
  await build({ entryPoints: [source], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'error' });
  return outfile;
}

/**
 * When to kill the writer: `delayMs` after it is ready, or once it has reported
 * `afterRecords` records written. A count does not depend on how busy the machine is, and
 * the kill still lands at a random point of the writes that follow the report. With
 * `midWrite`, the kill waits from then on until `midWrite()` sees a write in progress (a
 * partial file, a temp file), so on a busy machine too it lands inside a write.
 */
export type KillAt = number | { afterRecords: number; midWrite?: () => boolean };

/** How often `midWrite` is asked: a 4 MB write stays in progress for several of these. */
const MID_WRITE_POLL_MS = 1;
/** A writer that never shows a write in progress is killed anyway, so the test fails on what it finds, not on a timeout. */
const MID_WRITE_WAIT_MS = 15_000;

/**
 * Runs `child` with `args`, kills it as `at` says, and resolves with the N of the last
 * "wrote N" line it printed. Rejects if it exits by itself.
 */
export function runUntilKilled(child: string, args: readonly string[], at: KillAt): Promise<number> {
  return new Promise((resolve, reject) => {
    const writer = spawn(process.execPath, [child, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let lastDone = 0;
    let pending = '';
    let armed = false;
    const kill = () => writer.kill('SIGKILL');
    const watchForWrite = (midWrite: () => boolean, until: number) => {
      if (writer.exitCode !== null || writer.signalCode !== null) return;
      if (midWrite() || Date.now() > until) kill();
      else setTimeout(() => watchForWrite(midWrite, until), MID_WRITE_POLL_MS);
    };
    const armOnCount = () => {
      if (typeof at === 'number' || armed || lastDone < at.afterRecords) return;
      armed = true;
      if (at.midWrite) watchForWrite(at.midWrite, Date.now() + MID_WRITE_WAIT_MS);
      else kill();
    };
    writer.stdout.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') {
          if (typeof at === 'number') setTimeout(kill, at);
        } else {
          lastDone = Number(line.slice('wrote '.length));
        }
        armOnCount();
      }
    });
    writer.on('error', reject);
    // 'close', not 'exit': every line the writer printed has been read by then.
    writer.on('close', (_code, signal) => (signal === 'SIGKILL' ? resolve(lastDone) : reject(new Error(`writer exited by itself (${signal})`))));
  });
}
