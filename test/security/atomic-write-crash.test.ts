/**
 * Nothing lost: a child process rewrites a large file in a loop and is killed
 * (SIGKILL) at random moments. With writeFileAtomic the file always holds a
 * complete version; the same loop with a plain writeFile, as a control, is
 * caught tearing it, which shows the check can fail. Most of a loop's time goes to
 * making the next document, not writing it, so a kill at a random time lands
 * inside a write only about one time in six: the kills that must land inside one
 * wait, after a random count of writes, until one is seen in progress.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isTempFor, STALE_TEMP_MS, writeFileAtomic } from '../../main/storage/atomic-write';
import { makeDocument, makePayload, readGeneration } from './crash-document';
import { bundleChild, runUntilKilled, type KillAt } from './kill-writer';

const PAYLOAD_BYTES = 4_000_000;
const ATOMIC_KILLS = 6;
/** Kills go on past ATOMIC_KILLS, each waiting for a write in progress, until one has landed inside a write. */
const MAX_KILLS = 24;
const CONTROL_ATTEMPTS = 20;

const dir = mkdtempSync(join(tmpdir(), 'anycast-crash-'));
let child = '';

beforeAll(async () => {
  child = await bundleChild('test/security/crash-writer-child.ts', dir);
});

// Each run leaves tens of megabytes of documents and torn temp files.
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Starts a writer whose generations continue from `previous`, kills it as `at` says, and
 * returns the last generation on record: the last it reported complete, or `previous`.
 */
async function writeUntilKilled(target: string, mode: 'atomic' | 'plain', at: KillAt, previous = 0): Promise<number> {
  const lastDone = await runUntilKilled(child, [target, mode, String(PAYLOAD_BYTES), String(previous + 1)], at);
  return Math.max(lastDone, previous);
}

const randomDelay = () => 5 + Math.floor(Math.random() * 250);
const tempsBeside = (target: string) => readdirSync(dir).filter((name) => isTempFor(target, name));
const afterRandomWrites = (midWrite: () => boolean): KillAt => ({ afterRecords: Math.floor(Math.random() * 4), midWrite });
/** A temp file that was not there before: writeFileAtomic is between creating it and renaming it. */
const newTempBeside = (target: string): (() => boolean) => {
  const before = new Set(tempsBeside(target));
  return () => tempsBeside(target).some((name) => !before.has(name));
};
/** The target holds less than a payload: a plain writeFile has truncated it and not finished. */
const partialFile = (target: string) => () => {
  try {
    return statSync(target).size < PAYLOAD_BYTES;
  } catch {
    return false;
  }
};

describe('writeFileAtomic under SIGKILL', () => {
  const target = join(dir, 'settings.json');

  it(`leaves a complete old or new version after each of at least ${ATOMIC_KILLS} kills`, async () => {
    await writeFileAtomic(target, makeDocument(0, makePayload(PAYLOAD_BYTES, 0)));
    let generation = 0;
    for (let kill = 0; kill < MAX_KILLS && (kill < ATOMIC_KILLS || tempsBeside(target).length === 0); kill++) {
      // A new temp file is the atomic write in progress; a partial target would be a write that is not atomic.
      const newTemp = newTempBeside(target);
      const partial = partialFile(target);
      const at = kill < ATOMIC_KILLS ? randomDelay() : afterRandomWrites(() => newTemp() || partial());
      const lastDone = await writeUntilKilled(target, 'atomic', at, generation);
      generation = readGeneration(readFileSync(target, 'utf8'));
      // The last write reported complete, or the one in flight if its rename had landed.
      expect(generation).toBeGreaterThanOrEqual(lastDone);
      expect(generation).toBeLessThanOrEqual(lastDone + 1);
    }
    // Temp files left behind prove the kills landed mid-write, not between writes.
    expect(tempsBeside(target).length).toBeGreaterThan(0);
  });

  it('writes again over the leftovers, and clears them once they are stale', async () => {
    const leftovers = tempsBeside(target);
    expect(leftovers.length).toBeGreaterThan(0);
    await writeFileAtomic(target, makeDocument(1000, 'next'));
    expect(readGeneration(readFileSync(target, 'utf8'))).toBe(1000);
    // Fresh ones may belong to a writer still running, so they stay until they are old.
    expect(tempsBeside(target)).toEqual(leftovers);
    const old = new Date(Date.now() - 2 * STALE_TEMP_MS);
    for (const name of leftovers) utimesSync(join(dir, name), old, old);
    await writeFileAtomic(target, makeDocument(1001, 'after'));
    expect(readGeneration(readFileSync(target, 'utf8'))).toBe(1001);
    expect(tempsBeside(target)).toEqual([]);
  });
});

describe('the control: a plain writeFile under SIGKILL', () => {
  it('is caught leaving a torn file', async () => {
    const target = join(dir, 'plain.json');
    writeFileSync(target, makeDocument(0, makePayload(PAYLOAD_BYTES, 0)));
    let torn = false;
    for (let attempt = 0; attempt < CONTROL_ATTEMPTS && !torn; attempt++) {
      await writeUntilKilled(target, 'plain', afterRandomWrites(partialFile(target)));
      torn = (() => {
        try {
          readGeneration(readFileSync(target, 'utf8'));
          return false;
        } catch {
          return true;
        }
      })();
    }
    expect(torn).toBe(true);
  });
});
