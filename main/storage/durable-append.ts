/**
 * Durable JSON-lines append, for the audit log: one record per line, fsynced
 * before the promise resolves. A crash can leave the last line torn; the next
 * append first ends that fragment with a newline, so the fragment stays one bad
 * line a reader can skip and never swallows the good record written after it.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { KeyedQueue } from './keyed-queue';
import { syncDirectory } from './sync-directory';

const queue = new KeyedQueue();

/** Appends to one path run in call order, so lines never interleave. */
export async function appendJsonLine(path: string, record: unknown): Promise<void> {
  // JSON.stringify escapes line breaks inside strings, so the text is one line; it throws for a BigInt.
  const line: string | undefined = JSON.stringify(record);
  if (line === undefined) throw new TypeError('The record has no JSON form.');
  const target = resolve(path);
  return queue.run(target, () => append(target, line));
}

async function append(target: string, line: string): Promise<void> {
  const handle = await open(target, 'a+');
  let wasEmpty: boolean;
  try {
    const { size } = await handle.stat();
    wasEmpty = size === 0;
    const separator = wasEmpty || (await lastByte(handle, size)) === 0x0a ? '' : '\n';
    await handle.appendFile(`${separator}${line}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  // A new file's name must survive a power cut too, not only its content.
  if (wasEmpty) await syncDirectory(dirname(target));
}

async function lastByte(handle: FileHandle, size: number): Promise<number | undefined> {
  const buffer = Buffer.alloc(1);
  const { bytesRead } = await handle.read(buffer, 0, 1, size - 1);
  return bytesRead === 1 ? buffer[0] : undefined;
}
