/**
 * The audit log under SIGKILL: a child process appends records as fast as it can and is
 * killed at random moments. Every record it reported written is in the file, whole and
 * in order, and the next append after the crash starts on a line of its own. The same
 * loop through a buffered write stream, as a control, is caught losing records it had
 * reported written, which shows the check can fail.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { JsonLinesAppender } from '../../main/storage/durable-append';

const KILLS = 6;
const CONTROL_ATTEMPTS = 20;

const dir = mkdtempSync(join(tmpdir(), 'anycast-append-crash-'));
const child = join(dir, 'append-writer-child.cjs');

beforeAll(async () => {
  await build({ entryPoints: ['test/security/append-writer-child.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: child, logLevel: 'error' });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts the writer, kills it `delayMs` after it is ready, and returns the last record it reported written. */
function appendUntilKilled(target: string, mode: 'durable' | 'buffered', delayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const writer = spawn(process.execPath, [child, target, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
    let lastDone = 0;
    let pending = '';
    writer.stdout.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') setTimeout(() => writer.kill('SIGKILL'), delayMs);
        else lastDone = Number(line.slice('wrote '.length));
      }
    });
    writer.on('error', reject);
    // 'close', not 'exit': every line the writer printed has been read by then.
    writer.on('close', (_code, signal) => (signal === 'SIGKILL' ? resolve(lastDone) : reject(new Error(`writer exited by itself (${signal})`))));
  });
}

const randomDelay = () => 20 + Math.floor(Math.random() * 200);

/** The record numbers of the file's whole lines, and how many lines are not records. */
function readRecords(path: string): { numbers: number[]; bad: number } {
  const numbers: number[] = [];
  let bad = 0;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line === '') continue;
    try {
      numbers.push((JSON.parse(line) as { n: number }).n);
    } catch {
      bad += 1;
    }
  }
  return { numbers, bad };
}

describe('the audit appender under SIGKILL', () => {
  it(`keeps every record reported written, whole and in order, through ${KILLS} kills`, async () => {
    const target = join(dir, 'audit.jsonl');
    for (let kill = 0; kill < KILLS; kill++) {
      const lastDone = await appendUntilKilled(target, 'durable', randomDelay());
      expect(lastDone).toBeGreaterThan(0);
      const { numbers, bad } = readRecords(target);
      const thisRun = numbers.slice(numbers.lastIndexOf(1));
      // The record being appended at the kill may or may not have landed; none before it is missing.
      expect(thisRun.length).toBeGreaterThanOrEqual(lastDone);
      expect(thisRun.length).toBeLessThanOrEqual(lastDone + 1);
      expect(thisRun).toEqual(Array.from({ length: thisRun.length }, (_, i) => i + 1));
      expect(bad).toBe(0);
    }
  });

  it('after a crash, the next record starts on a line of its own', async () => {
    const target = join(dir, 'after-crash.jsonl');
    await appendUntilKilled(target, 'durable', randomDelay());
    const log = new JsonLinesAppender(target);
    log.append({ n: 'after' });
    await log.flush();
    expect(readFileSync(target, 'utf8').split('\n').at(-2)).toBe('{"n":"after"}');
  });
});

describe('the control: a buffered write stream under SIGKILL', () => {
  it('is caught losing records it had reported written', async () => {
    let lost = false;
    for (let attempt = 0; attempt < CONTROL_ATTEMPTS && !lost; attempt++) {
      const target = join(dir, `buffered-${attempt}.jsonl`);
      const lastDone = await appendUntilKilled(target, 'buffered', randomDelay());
      lost = readRecords(target).numbers.length < lastDone;
    }
    expect(lost).toBe(true);
  });
});
