/**
 * The preview's data folder: each run gets a new folder of its own in the temporary folder
 * (owner only), so two runs, or two users, never share records; a folder named with
 * --data-dir is used only when it is the person's own, and a symbolic link planted in it
 * is refused instead of followed. Another user is a real one where the test runs as root
 * (a child preview started as "nobody"); elsewhere that part says why it did not run.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseLaunchOptions } from '../../main/launch-options';
import { DataFolderRefused, PREVIEW_FOLDER_PREFIX } from '../../main/preview/data-folder';
import { PREVIEW_TOKEN_HEADER as TOKEN_HEADER } from '../../app/preview-protocol';
import { runPreview, type RunningPreview } from '../../main/preview/run-preview';
import { bundleChild } from './kill-writer';

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;
const rendererDir = mkdtempSync(join(tmpdir(), 'anycast-folder-renderer-'));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');

const running: RunningPreview[] = [];
async function start(...args: string[]): Promise<RunningPreview> {
  const preview = await runPreview(rendererDir, parseLaunchOptions(['--preview', ...args]));
  running.push(preview);
  return preview;
}

afterEach(async () => {
  for (const preview of running.splice(0)) {
    await preview.close();
    rmSync(preview.dataDir, { recursive: true, force: true });
  }
});

const modeOf = (path: string) => statSync(path).mode & 0o777;
const freshPath = () => join(mkdtempSync(join(tmpdir(), 'anycast-folder-parent-')), 'records');

/** A create through the preview's own API, as its page would send it. */
async function createThroughPreview(preview: RunningPreview): Promise<unknown> {
  const origin = new URL(preview.url).origin;
  const list = await preview.backend.listInterfaces();
  const iface = list.ok ? list.value.find((i) => i.ipv4) : undefined;
  const response = await fetch(`${origin}/api/createAnycast`, {
    method: 'POST',
    headers: { Origin: origin, [TOKEN_HEADER]: preview.token, 'Content-Type': 'application/json' },
    body: JSON.stringify({ address: '192.0.2.77', interfaceLuid: iface!.luid, interfaceIndex: iface!.index }),
  });
  expect(response.status).toBe(200);
  return response.json();
}

describe('a preview run without --data-dir', () => {
  it('gets a new folder of its own in the temporary folder, open to its owner only', async () => {
    const first = await start();
    const second = await start();
    expect(first.dataDir).not.toBe(second.dataDir);
    for (const { dataDir } of [first, second]) {
      expect(dataDir.startsWith(join(tmpdir(), PREVIEW_FOLDER_PREFIX))).toBe(true);
      expect(lstatSync(dataDir).isDirectory()).toBe(true);
      expect(modeOf(dataDir)).toBe(0o700);
      expect(statSync(dataDir).uid).toBe(process.getuid?.());
    }
  });

  it('never shows one run the records of another', async () => {
    const first = await start();
    await createThroughPreview(first);
    const second = await start();
    expect(existsSync(join(first.dataDir, 'audit.jsonl'))).toBe(true);
    expect(existsSync(join(second.dataDir, 'audit.jsonl'))).toBe(false);
  });
});

describe('a preview with --data-dir', () => {
  it('creates a missing folder for its owner only, and keeps the records there across runs', async () => {
    const path = freshPath();
    const first = await start(`--data-dir=${path}`);
    expect(first.dataDir).toBe(path);
    expect(modeOf(path)).toBe(0o700);
    await createThroughPreview(first);
    const second = await start(`--data-dir=${path}`);
    expect(second.dataDir).toBe(path);
    expect(readFileSync(join(path, 'audit.jsonl'), 'utf8')).toContain('192.0.2.77');
  });

  it('refuses a folder others may write to, and says how to fix it', async () => {
    const path = freshPath();
    mkdirSync(path);
    chmodSync(path, 0o777);
    await expect(start(`--data-dir=${path}`)).rejects.toThrow(DataFolderRefused);
    await expect(start(`--data-dir=${path}`)).rejects.toThrow(`The preview cannot keep its records in ${path}: other users may write to it (mode 777). Run chmod go-w`);
  });

  it('refuses a symbolic link to a folder', async () => {
    const target = mkdtempSync(join(tmpdir(), 'anycast-folder-target-'));
    const path = freshPath();
    mkdirSync(join(path, '..'), { recursive: true });
    symlinkSync(target, path);
    await expect(start(`--data-dir=${path}`)).rejects.toThrow(/is a symbolic link, which could lead anywhere/);
  });

  it('refuses a file', async () => {
    const path = freshPath();
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, 'not a folder');
    await expect(start(`--data-dir=${path}`)).rejects.toThrow(/is not a folder/);
  });

  it('does not follow a symbolic link planted for its audit log, and refuses the change saying why', async () => {
    const path = freshPath();
    mkdirSync(path, { recursive: true, mode: 0o700 });
    const victim = join(mkdtempSync(join(tmpdir(), 'anycast-folder-victim-')), 'root-only.txt');
    writeFileSync(victim, 'untouched\n');
    symlinkSync(victim, join(path, 'audit.jsonl'));
    const preview = await start(`--data-dir=${path}`);
    const reply = JSON.stringify(await createThroughPreview(preview));
    expect(readFileSync(victim, 'utf8')).toBe('untouched\n');
    expect(reply).toContain('"ok":false');
    expect(reply).toContain(`${join(path, 'audit.jsonl')} is a symbolic link`);
    const listed = await preview.backend.listAnycast();
    expect(listed.ok && listed.value.some((row) => row.address === '192.0.2.77')).toBe(false);
  });
});

describe.runIf(isRoot || process.env.CI)('two users on one computer', () => {
  let child = '';

  beforeAll(async () => {
    if (!isRoot) throw new Error('CI must run this test as root: it starts a second preview as the user "nobody".');
    // Readable by "nobody", which runs it.
    const dir = mkdtempSync(join(tmpdir(), 'anycast-folder-child-'));
    chmodSync(dir, 0o755);
    chmodSync(rendererDir, 0o755);
    child = await bundleChild('test/security/preview-folder-child.ts', dir);
    chmodSync(child, 0o644);
  });

  /** Starts a preview as "nobody"; its data folder, or why it was refused. */
  function startAsNobody(...args: string[]): { dataDir?: string; refused?: string } {
    const run = spawnSync(process.execPath, [child, rendererDir, ...args], { uid: NOBODY, gid: NOBODY, encoding: 'utf8', timeout: 30_000 });
    if (run.status !== 0) throw new Error(`the preview as nobody failed: ${run.stderr}`);
    return JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as { dataDir?: string; refused?: string };
  }

  it('gives each user a folder the other does not own', async () => {
    const mine = await start();
    const theirs = startAsNobody();
    expect(theirs.dataDir).toBeDefined();
    expect(theirs.dataDir).not.toBe(mine.dataDir);
    expect(statSync(theirs.dataDir!).uid).toBe(NOBODY);
    expect(modeOf(theirs.dataDir!)).toBe(0o700);
  });

  it("refuses another user's folder, both ways", async () => {
    const mine = await start();
    expect(startAsNobody(`--data-dir=${mine.dataDir}`).refused).toContain(`it belongs to another user (user id 0; you are ${NOBODY})`);

    const theirs = startAsNobody().dataDir!;
    await expect(start(`--data-dir=${theirs}`)).rejects.toThrow(`it belongs to another user (user id ${NOBODY}; you are 0)`);
  });

  it('refuses a folder another user made first under the name it was told to use', async () => {
    const path = freshPath();
    mkdirSync(path, { recursive: true, mode: 0o700 });
    chownSync(path, NOBODY, NOBODY);
    await expect(start(`--data-dir=${path}`)).rejects.toThrow(/belongs to another user/);
  });
});

if (!isRoot && !process.env.CI) {
  it.skip('two users on one computer: needs root, to start a second preview as the user "nobody"', () => undefined);
}
