/**
 * The storage helpers' behaviour in one process: atomic replacement (ordering,
 * retries on a busy target, no debris on failure) and the durable JSON-lines
 * append (one record per line, a torn tail kept apart from the next record), and reading
 * lines back from the end.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isTempFor, writeFileAtomic } from '../../main/storage/atomic-write';
import { JsonLinesAppender } from '../../main/storage/durable-append';
import { linesBackward } from '../../main/storage/lines-backward';
import { splitLinesEagerly } from '../support/line-ends';

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return { ...real, rename: vi.fn(real.rename) };
});

const rename = vi.mocked(fsPromises.rename);
const busy = (code: string) => Object.assign(new Error(code), { code });
const freshDir = () => mkdtempSync(join(tmpdir(), 'anycast-storage-'));

describe('writeFileAtomic', () => {
  it('creates the file, then replaces it whole', async () => {
    const target = join(freshDir(), 'settings.json');
    await writeFileAtomic(target, '{"v":1}');
    await writeFileAtomic(target, new TextEncoder().encode('{"v":2}'));
    expect(readFileSync(target, 'utf8')).toBe('{"v":2}');
  });

  it('keeps call order for one path, so the last call wins', async () => {
    const target = join(freshDir(), 'settings.json');
    await Promise.all(Array.from({ length: 20 }, (_, n) => writeFileAtomic(target, `${n}`.repeat(10_000 - n * 400))));
    expect(readFileSync(target, 'utf8')).toBe('19'.repeat(10_000 - 19 * 400));
  });

  it('retries a rename the target refuses for a moment (a scanner holding it on Windows)', async () => {
    const target = join(freshDir(), 'settings.json');
    rename.mockRejectedValueOnce(busy('EPERM')).mockRejectedValueOnce(busy('EBUSY'));
    await writeFileAtomic(target, 'new');
    expect(readFileSync(target, 'utf8')).toBe('new');
  });

  it('gives up on a lasting failure, keeps the old file and removes its temp file', async () => {
    const dir = freshDir();
    const target = join(dir, 'settings.json');
    writeFileSync(target, 'old');
    rename.mockRejectedValue(busy('EACCES'));
    try {
      await expect(writeFileAtomic(target, 'new')).rejects.toThrow('EACCES');
    } finally {
      rename.mockImplementation((await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises')).rename);
    }
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(dir).filter((name) => isTempFor(target, name))).toEqual([]);
  });

  it('fails where the folder does not exist', async () => {
    await expect(writeFileAtomic(join(freshDir(), 'missing', 'settings.json'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('JsonLinesAppender', () => {
  const lines = (file: string) => readFileSync(file, 'utf8').split('\n');

  it('writes one record per line, in call order, even for text with line breaks of any kind', async () => {
    const log = new JsonLinesAppender(join(freshDir(), 'audit.jsonl'));
    for (let n = 0; n < 50; n++) log.append({ n, note: 'two\nlines\u2028here\u2029and\u0085there' });
    await log.flush();
    const records = splitLinesEagerly(readFileSync(log.path, 'utf8'));
    expect(records.pop()).toBe('');
    expect(records.map((line) => (JSON.parse(line) as { n: number }).n)).toEqual(Array.from({ length: 50 }, (_, n) => n));
  });

  it('has each line in the file when append returns, before the sync', () => {
    const log = new JsonLinesAppender(join(freshDir(), 'audit.jsonl'));
    log.append({ n: 1 });
    expect(lines(log.path)).toEqual(['{"n":1}', '']);
  });

  it('ends a torn last line before appending, so the new record stays whole', async () => {
    const path = join(freshDir(), 'audit.jsonl');
    writeFileSync(path, '{"n":1}\n{"n":2,"tor');
    const log = new JsonLinesAppender(path);
    log.append({ n: 3 });
    log.append({ n: 4 });
    await log.flush();
    expect(lines(path)).toEqual(['{"n":1}', '{"n":2,"tor', '{"n":3}', '{"n":4}', '']);
  });

  it('appends again after close, to the same file', async () => {
    const log = new JsonLinesAppender(join(freshDir(), 'audit.jsonl'));
    log.append({ n: 1 });
    log.close();
    log.append({ n: 2 });
    await log.flush();
    expect(lines(log.path)).toEqual(['{"n":1}', '{"n":2}', '']);
  });

  it('refuses a record with no JSON form and writes nothing for it', () => {
    const log = new JsonLinesAppender(join(freshDir(), 'audit.jsonl'));
    expect(() => log.append(undefined)).toThrow(TypeError);
    expect(() => log.append({ big: 1n })).toThrow(TypeError);
    log.append({ n: 1 });
    expect(lines(log.path)).toEqual(['{"n":1}', '']);
  });

  it('fails an append where the folder does not exist', () => {
    const log = new JsonLinesAppender(join(freshDir(), 'missing', 'audit.jsonl'));
    expect(() => log.append({ n: 1 })).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });
});

describe('linesBackward', () => {
  async function backward(content: string | Buffer, end?: number, options?: Parameters<typeof linesBackward>[2]) {
    const path = join(freshDir(), 'lines.txt');
    writeFileSync(path, content);
    const handle = await fsPromises.open(path, 'r');
    try {
      const lines: Array<[number, string | null]> = [];
      for await (const line of linesBackward(handle, end ?? (await handle.stat()).size, options)) lines.push([line.start, line.bytes?.toString('utf8') ?? null]);
      return lines;
    } finally {
      await handle.close();
    }
  }

  it('gives each line, newest first, with the offset where it starts, across chunk boundaries', async () => {
    const text = 'first\nsecond line\n\nthird, longer than a chunk\n';
    const expected: Array<[number, string]> = [[text.length, ''], [19, 'third, longer than a chunk'], [18, ''], [6, 'second line'], [0, 'first']];
    for (const chunkBytes of [1, 3, 7, 64]) expect(await backward(text, undefined, { chunkBytes }), String(chunkBytes)).toEqual(expected);
  });

  it('starts from any line start, and counts text after the last line feed as a line', async () => {
    expect(await backward('a\nbb\nccc\n', 5, { chunkBytes: 2 })).toEqual([[5, ''], [2, 'bb'], [0, 'a']]);
    expect(await backward('a\nunfinished', undefined, { chunkBytes: 4 })).toEqual([[2, 'unfinished'], [0, 'a']]);
    expect(await backward('')).toEqual([]);
  });

  it('keeps multi-byte characters whole when a chunk splits them', async () => {
    expect(await backward('Büro ½ – \u2028\nnext\n', undefined, { chunkBytes: 3 })).toEqual([[22, ''], [17, 'next'], [0, 'Büro ½ – \u2028']]);
  });

  it('drops a line longer than the limit without holding it, and goes on', async () => {
    const huge = 'x'.repeat(10_000);
    expect(await backward(`a\n${huge}\nb\n`, undefined, { chunkBytes: 64, maxLineBytes: 1_000 })).toEqual([[10_005, ''], [10_003, 'b'], [2, null], [0, 'a']]);
    expect(await backward(huge, undefined, { chunkBytes: 64, maxLineBytes: 1_000 })).toEqual([[0, null]]);
  });
});
