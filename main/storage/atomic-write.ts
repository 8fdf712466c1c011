/**
 * Atomic file replacement for settings and anything else the app writes: the
 * target always holds its complete old content or its complete new content.
 * The new content goes to a temp file in the same folder (a rename is atomic
 * only within one volume), is fsynced, renamed over the target, and then the
 * folder is fsynced so the rename itself is durable.
 */
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { KeyedQueue } from './keyed-queue';
import { syncDirectory } from './sync-directory';

/** Temp files of a crashed writer older than this are removed by the next successful write. */
export const STALE_TEMP_MS = 60_000;

/** Windows: a virus scanner or the search indexer can hold the target open for a moment. */
const BUSY_CODES = new Set(['EPERM', 'EACCES', 'EBUSY']);
const RENAME_ATTEMPTS = 5;

const queue = new KeyedQueue();

/** Writes to one path run in call order, so the last call's content is what stays. */
export function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const target = resolve(path);
  return queue.run(target, () => replace(target, data));
}

/** `.settings.json.<random>.tmp` beside `settings.json`: hidden on Unix, unique per write. */
export function isTempFor(target: string, name: string): boolean {
  return name.startsWith(`.${basename(target)}.`) && name.endsWith('.tmp');
}

async function replace(target: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(target);
  const temp = join(dir, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  // 'wx': never follow or reuse an existing file, such as one a crashed writer left.
  const handle = await open(temp, 'wx');
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(temp, target);
  } catch (fault) {
    await unlink(temp).catch(() => undefined);
    throw fault;
  }
  await syncDirectory(dir);
  await removeStaleTemps(target);
}

/** A rename that waits out a scanner or indexer holding either file for a moment. */
export async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await rename(from, to);
    } catch (fault) {
      const code = (fault as NodeJS.ErrnoException).code ?? '';
      if (attempt >= RENAME_ATTEMPTS || !BUSY_CODES.has(code)) throw fault;
      await new Promise((done) => setTimeout(done, 20 * attempt));
    }
  }
}

/** Best effort: a crashed writer's temp file is harmless but should not pile up. */
async function removeStaleTemps(target: string): Promise<void> {
  const dir = dirname(target);
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter((n) => isTempFor(target, n))) {
    const file = join(dir, name);
    const info = await stat(file).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > STALE_TEMP_MS) await unlink(file).catch(() => undefined);
  }
}
