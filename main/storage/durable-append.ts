/**
 * Durable JSON-lines append, for the audit log: one record per line.
 *
 * Each line reaches the operating system in one write before append() returns, so a
 * crash of the app loses at most the line being written. fsync, a device round trip
 * that costs more than the rest of a change put together, runs behind the writes: one
 * at a time, each covering every line written before it began, so a burst of changes
 * pays for one or two syncs instead of one each. A power cut can lose the lines of the
 * last sync in flight; the anycast entries those lines describe do not survive the
 * restart either. flush() waits until every written line is synced.
 *
 * A crash can leave the last line torn; the first write after opening ends that
 * fragment with a newline, so it stays one bad line a reader can skip and never
 * swallows the good record written after it.
 */
import { closeSync, fstatSync, fsync, fsyncSync, readSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { promisify } from 'node:util';
import { jsonLine } from '../../app/json-lines';
import { openNoFollowSync } from './no-follow';
import { syncDirectory } from './sync-directory';

const fsyncAsync = promisify(fsync);

export class JsonLinesAppender {
  readonly path: string;
  private fd: number | undefined;
  /** The file ends without a newline: a torn line from a crash, or a failed write. */
  private endsTorn = false;
  /** The file was created by this appender: its folder entry must be synced once too. */
  private created = false;
  /** The file's size as this appender last knew it, while the file is open. */
  private bytes = 0;
  /** Lines were written since the last sync began. */
  private dirty = false;
  private syncing: Promise<void> | undefined;
  private syncFault: unknown;

  constructor(path: string) {
    this.path = resolve(path);
  }

  /** Writes the record as one line; throws for a record with no JSON form or when the write fails. */
  append(record: unknown): void {
    // Every line break inside strings is escaped, so the text is one line; it throws for a BigInt.
    const line = jsonLine(record);
    if (line === undefined) throw new TypeError('The record has no JSON form.');
    const fd = this.open();
    const bytes = Buffer.from(`${this.endsTorn ? '\n' : ''}${line}\n`);
    try {
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
      this.endsTorn = false;
      this.bytes += bytes.length;
    } catch (fault) {
      // Part of the line may be in the file: the next record starts on a line of its own.
      this.endsTorn = true;
      throw fault;
    } finally {
      this.dirty = true;
      this.syncing ??= this.syncInBackground();
    }
  }

  /** The file's size while this appender has it open (another writer's lines are not counted); undefined when closed. */
  openSize(): number | undefined {
    return this.fd === undefined ? undefined : this.bytes;
  }

  /** Resolves once every line written so far is on the device; rejects with a sync's failure. */
  async flush(): Promise<void> {
    while (this.syncing || (this.dirty && this.fd !== undefined)) {
      this.syncing ??= this.syncInBackground();
      await this.syncing;
    }
    const fault = this.syncFault;
    this.syncFault = undefined;
    if (fault !== undefined) throw fault;
  }

  /** Syncs and releases the file, synchronously (for the app's quit); a later append opens it again. */
  close(): void {
    const fd = this.fd;
    if (fd === undefined) return;
    this.fd = undefined;
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  private open(): number {
    if (this.fd !== undefined) return this.fd;
    const fd = openNoFollowSync(this.path, 'a+');
    const { size } = fstatSync(fd);
    this.created = size === 0;
    this.endsTorn = size > 0 && lastByte(fd, size) !== 0x0a;
    this.bytes = size;
    this.fd = fd;
    return fd;
  }

  private async syncInBackground(): Promise<void> {
    try {
      while (this.dirty && this.fd !== undefined) {
        const fd = this.fd;
        this.dirty = false;
        try {
          await fsyncAsync(fd);
        } catch (fault) {
          // Reported by the next flush(), unless close() took the file meanwhile; the next append syncs again.
          if (this.fd === fd) this.syncFault = fault;
          return;
        }
        if (this.created) {
          this.created = false;
          // A new file's name must survive a power cut too, not only its content.
          await syncDirectory(dirname(this.path));
        }
      }
    } finally {
      this.syncing = undefined;
    }
  }
}

function lastByte(fd: number, size: number): number | undefined {
  const buffer = Buffer.alloc(1);
  return readSync(fd, buffer, 0, 1, size - 1) === 1 ? buffer[0] : undefined;
}
