/**
 * A symbolic link planted in the data folder is refused with a readable reason, never
 * followed: the audit log does not append through it (not even to create a missing target),
 * and neither the audit log nor the saved set is read through it. Run twice: with
 * O_NOFOLLOW, and with the lstat checks that stand in for it where Node has no such flag (Windows).
 */
import { existsSync, lstatSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Storage = {
  JsonLinesAppender: typeof import('../../main/storage/durable-append').JsonLinesAppender;
  AuditLog: typeof import('../../main/audit/audit-log').AuditLog;
  SavedSetStore: typeof import('../../main/storage/saved-set-store').SavedSetStore;
  SymbolicLinkRefused: typeof import('../../main/storage/no-follow').SymbolicLinkRefused;
};

async function loadStorage(withNoFollowFlag: boolean): Promise<Storage> {
  vi.resetModules();
  vi.doUnmock('node:fs');
  if (!withNoFollowFlag) {
    vi.doMock('node:fs', async (importOriginal) => {
      const fs = await importOriginal<typeof import('node:fs')>();
      const constants = { ...fs.constants, O_NOFOLLOW: undefined };
      return { ...fs, default: { ...fs, constants }, constants };
    });
  }
  const [{ JsonLinesAppender }, { AuditLog }, { SavedSetStore }, { SymbolicLinkRefused }] = await Promise.all([
    import('../../main/storage/durable-append'),
    import('../../main/audit/audit-log'),
    import('../../main/storage/saved-set-store'),
    import('../../main/storage/no-follow'),
  ]);
  return { JsonLinesAppender, AuditLog, SavedSetStore, SymbolicLinkRefused };
}

afterAll(() => {
  vi.doUnmock('node:fs');
  vi.resetModules();
});

describe.each([
  ['with O_NOFOLLOW', true],
  ['with lstat checks in its place', false],
])('the data folder %s', (_mode, withNoFollowFlag) => {
  let storage: Storage;
  let dir: string;
  /** A file somewhere else that a link in the data folder points at. */
  let victim: string;

  beforeAll(async () => {
    storage = await loadStorage(withNoFollowFlag);
  });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'anycast-nofollow-'));
    victim = join(mkdtempSync(join(tmpdir(), 'anycast-nofollow-victim-')), 'victim.txt');
    writeFileSync(victim, 'untouched\n');
  });

  const plant = (name: string, target = victim) => {
    const path = join(dir, name);
    symlinkSync(target, path);
    return path;
  };

  it('appends and reads a plain audit file as before', async () => {
    const log = new storage.AuditLog(join(dir, 'audit.jsonl'));
    expect(() => log.writeIntent({ n: 1 } as never)).not.toThrow();
    log.close();
    expect(readFileSync(join(dir, 'audit.jsonl'), 'utf8')).toBe('{"n":1}\n');
  });

  it('refuses to append through a link, naming the file, and leaves the target alone', () => {
    const path = plant('audit.jsonl');
    const appender = new storage.JsonLinesAppender(path);
    expect(() => appender.append({ n: 1 })).toThrow(storage.SymbolicLinkRefused);
    expect(() => appender.append({ n: 2 })).toThrow(`${path} is a symbolic link`);
    expect(readFileSync(victim, 'utf8')).toBe('untouched\n');
  });

  it('does not create the missing target of a dangling link', () => {
    const missing = join(dir, '..', `missing-${Date.now()}.txt`);
    const appender = new storage.JsonLinesAppender(plant('audit.jsonl', missing));
    expect(() => appender.append({ n: 1 })).toThrow(storage.SymbolicLinkRefused);
    expect(existsSync(missing)).toBe(false);
  });

  it('refuses to read the audit log through a link', async () => {
    writeFileSync(victim, '{"not":"an audit record"}\n');
    const log = new storage.AuditLog(plant('audit.jsonl'));
    await expect(log.read({ limit: 10 })).rejects.toThrow(storage.SymbolicLinkRefused);
  });

  it('refuses to load a saved set through a link, and neither moves nor reads what it points at', async () => {
    writeFileSync(victim, JSON.stringify({ entries: [], savedAt: '2025-01-01T00:00:00.000Z' }));
    const path = plant('saved-set.json');
    await expect(new storage.SavedSetStore(path).load()).rejects.toThrow(/saved-set\.json is a symbolic link.*Remove the link/);
    expect(lstatSync(path).isSymbolicLink()).toBe(true);
    expect(existsSync(victim)).toBe(true);
  });

  it('still reports a missing saved set as empty', async () => {
    await expect(new storage.SavedSetStore(join(dir, 'saved-set.json')).load()).resolves.toEqual({ entries: [], savedAt: null });
  });
});

describe('a link planted in the records folder, asked for over IPC', () => {
  const linkedService = async (name: string) => {
    const { AnycastService } = await import('../../main/service/anycast-service');
    const { SimulatedBackend } = await import('../../main/backends/simulated/simulated-backend');
    const { testServiceOptions } = await import('../support/service-options');
    const options = testServiceOptions();
    const victim = join(mkdtempSync(join(tmpdir(), 'anycast-nofollow-victim-')), 'victim.txt');
    writeFileSync(victim, '{}\n');
    symlinkSync(victim, join(options.dataDir, name));
    const faults: string[] = [];
    return new AnycastService(new SimulatedBackend(), { ...options, logFault: (method) => faults.push(method) });
  };

  it('the saved set is refused with the link named, not an internal error', async () => {
    const service = await linkedService('saved-set.json');
    const reply = await service.handle('getSavedSet', {});
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.what + reply.error.why).toMatch(/saved-set\.json is a symbolic link/);
  });

  it('the audit log is refused with the link named, not an internal error', async () => {
    const service = await linkedService('audit.jsonl');
    const reply = await service.handle('readAuditLog', { limit: 10 });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.what + reply.error.why).toMatch(/audit\.jsonl is a symbolic link/);
  });
});
