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
 * Runs `child` with `args`, kills it `delayMs` after it prints "ready", and resolves with
 * the N of the last "wrote N" line it printed. Rejects if it exits by itself.
 */
/**
 * When to kill the writer: `delayMs` after it is ready, or as soon as it has reported
 * `afterRecords` records written. A count does not depend on how busy the machine is, and
 * the kill still lands at a random point of the writes that follow the report.
 */
export type KillAt = number | { afterRecords: number };

export function runUntilKilled(child: string, args: readonly string[], at: KillAt): Promise<number> {
  return new Promise((resolve, reject) => {
    const writer = spawn(process.execPath, [child, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let lastDone = 0;
    let pending = '';
    writer.stdout.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') {
          if (typeof at === 'number') setTimeout(() => writer.kill('SIGKILL'), at);
        } else {
          lastDone = Number(line.slice('wrote '.length));
          if (typeof at === 'object' && lastDone >= at.afterRecords) writer.kill('SIGKILL');
        }
      }
    });
    writer.on('error', reject);
    // 'close', not 'exit': every line the writer printed has been read by then.
    writer.on('close', (_code, signal) => (signal === 'SIGKILL' ? resolve(lastDone) : reject(new Error(`writer exited by itself (${signal})`))));
  });
}
