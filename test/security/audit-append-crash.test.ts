/**
 * The audit log under SIGKILL: a child process appends records as fast as it can and is
 * killed at random moments. Every record it reported written is in the file, whole and
 * in order; at most the line being written is torn, and the next append after the crash
 * starts on a line of its own. The same
 * loop through a buffered write stream, as a control, is caught losing records it had
 * reported written, which shows the check can fail. The same holds for the audit log
 * rotating at a small cap: across its files, oldest first, every reported record is there.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generationPath } from '../../main/audit/log-generations';
import { JsonLinesAppender } from '../../main/storage/durable-append';
import { bundleChild, runUntilKilled, type KillAt } from './kill-writer';

const KILLS = 6;
/** A rotation every hundred or so records, and enough files kept that none is dropped in a run. */
const ROTATE_AT_BYTES = 32 * 1024;
const KEEP_ROTATED = 200;
const CONTROL_ATTEMPTS = 20;

const dir = mkdtempSync(join(tmpdir(), 'anycast-append-crash-'));
let child = '';

beforeAll(async () => {
  child = await bundleChild('test/security/append-writer-child.ts', dir);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The last record the writer reported appended before it was killed. */
const appendUntilKilled = (target: string, mode: 'durable' | 'buffered', at: KillAt) => runUntilKilled(child, [target, mode], at);
const appendRotatingUntilKilled = (target: string, at: KillAt) =>
  runUntilKilled(child, [target, 'rotating', String(ROTATE_AT_BYTES), String(KEEP_ROTATED)], at);

/**
 * Killed after a random count of reported records, not a time: a busy machine once wrote
 * none in 220 ms. The control keeps a random time, which lands inside a batch of writes.
 */
const randomKill = (from: number, to: number): KillAt => ({ afterRecords: from + Math.floor(Math.random() * (to - from)) });
/** Past two or more rotations (about a hundred records each), so kills land across rotations. */
const rotatingKill = () => randomKill(250, 800);

/** The file's lines in order: each record's number (its n, or an intent's id), or null for a line that is not a whole record. */
function readLines(path: string): Array<number | null> {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      try {
        const record = JSON.parse(line) as { n?: number; id?: string };
        return record.n ?? Number(record.id);
      } catch {
        return null;
      }
    });
}

/** Every file of a rotating log, oldest first, as one list of lines; and how many files there were. */
function readRotatedLines(path: string): { lines: Array<number | null>; files: number } {
  const names = Array.from({ length: KEEP_ROTATED + 1 }, (_, n) => generationPath(path, KEEP_ROTATED - n)).filter((name) => existsSync(name));
  return { lines: names.flatMap(readLines), files: names.length };
}

/** One run's lines, in order: records 1 to `lastDone` all whole, at most one more, and at most the last line torn. */
function expectEveryReportedRecord(lines: Array<number | null>, lastDone: number): void {
  // Linux may end a write early for a fatal signal, so the line being written can be torn; no other.
  const torn = lines.indexOf(null);
  expect(torn === -1 || torn === lines.length - 1).toBe(true);
  // The record being appended at the kill may or may not have landed; none before it is missing.
  const whole = lines.filter((n) => n !== null);
  expect(whole.length).toBeGreaterThanOrEqual(lastDone);
  expect(whole.length).toBeLessThanOrEqual(lastDone + 1);
  expect(whole).toEqual(Array.from({ length: whole.length }, (_, i) => i + 1));
}

describe('the audit appender under SIGKILL', () => {
  it(`keeps every record reported written, whole and in order, through ${KILLS} kills`, async () => {
    const target = join(dir, 'audit.jsonl');
    for (let kill = 0; kill < KILLS; kill++) {
      const lastDone = await appendUntilKilled(target, 'durable', randomKill(1, 300));
      expect(lastDone).toBeGreaterThan(0);
      const lines = readLines(target);
      expectEveryReportedRecord(lines.slice(lines.lastIndexOf(1)), lastDone);
    }
  });

  it('after a crash, the next record starts on a line of its own', async () => {
    const target = join(dir, 'after-crash.jsonl');
    await appendUntilKilled(target, 'durable', randomKill(1, 300));
    const log = new JsonLinesAppender(target);
    log.append({ n: 'after' });
    await log.flush();
    expect(readFileSync(target, 'utf8').split('\n').at(-2)).toBe('{"n":"after"}');
  });
});

describe('the rotating audit log under SIGKILL', () => {
  it(`keeps every record reported written, whole and in order across its files, through ${KILLS} kills`, async () => {
    let rotations = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const folder = join(dir, `rotating-${kill}`);
      mkdirSync(folder);
      const lastDone = await appendRotatingUntilKilled(join(folder, 'audit.jsonl'), rotatingKill());
      expect(lastDone).toBeGreaterThan(0);
      const { lines, files } = readRotatedLines(join(folder, 'audit.jsonl'));
      rotations += files - 1;
      expectEveryReportedRecord(lines, lastDone);
    }
    // The kills landed while the log was rotating, not only before its first rotation.
    expect(rotations).toBeGreaterThan(KILLS);
  });
});

describe('the control: a buffered write stream under SIGKILL', () => {
  it('is caught losing records it had reported written', async () => {
    let lost = false;
    for (let attempt = 0; attempt < CONTROL_ATTEMPTS && !lost; attempt++) {
      const target = join(dir, `buffered-${attempt}.jsonl`);
      const lastDone = await appendUntilKilled(target, 'buffered', 20 + Math.floor(Math.random() * 200));
      lost = readLines(target).filter((n) => n !== null).length < lastDone;
    }
    expect(lost).toBe(true);
  });
});
