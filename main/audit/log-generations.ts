/**
 * The audit log's files: the current one (audit.jsonl) and the rotated ones, newest
 * first (audit.1.jsonl, audit.2.jsonl, …). Rotation renames each one step older and
 * drops the oldest, so the newest records are always in the current file and order
 * across files is the order of their numbers, even after a crash in the middle of a
 * rotation (which leaves at most a gap in the numbers).
 */
import { stat, unlink } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import { renameWithRetry } from '../storage/atomic-write';
import { syncDirectory } from '../storage/sync-directory';

export interface LogFile {
  path: string;
  /** The file system's identity for the file (inode, NTFS file id): a rename keeps it. */
  id: string;
  size: number;
}

/** `audit.jsonl` for 0, `audit.<n>.jsonl` for the n-th older file. */
export function generationPath(path: string, generation: number): string {
  if (generation === 0) return path;
  const extension = extname(path);
  return `${path.slice(0, path.length - extension.length)}.${generation}${extension}`;
}

/** The files that exist, newest first; a name missing from the sequence, or taken by something else than a file, is skipped. */
export async function logFiles(path: string, keepRotated: number): Promise<LogFile[]> {
  const files: LogFile[] = [];
  for (let generation = 0; generation <= keepRotated; generation++) {
    const file = generationPath(path, generation);
    const info = await stat(file, { bigint: true }).catch(ignoreMissing);
    if (info?.isFile()) files.push({ path: file, id: info.ino.toString(), size: Number(info.size) });
  }
  return files;
}

/** The size of the current file; 0 when there is none yet. */
export async function currentSize(path: string): Promise<number> {
  return (await stat(path).catch(ignoreMissing))?.size ?? 0;
}

/**
 * Shifts every file one generation older and drops the one past `keepRotated`. The
 * current file must be closed first; the next append creates a new one.
 */
export async function rotate(path: string, keepRotated: number): Promise<void> {
  await unlink(generationPath(path, keepRotated)).catch(ignoreMissing);
  for (let generation = keepRotated - 1; generation >= 0; generation--) {
    const from = generationPath(path, generation);
    await renameWithRetry(from, generationPath(path, generation + 1)).catch(ignoreMissing);
  }
  await syncDirectory(dirname(path));
}

function ignoreMissing(fault: unknown): undefined {
  if ((fault as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  throw fault;
}
