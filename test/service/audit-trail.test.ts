/**
 * The audit trail through the service: no change without a record (the intent before
 * the backend call, the outcome after), rotation at a size cap, and pages read from
 * the end, back through the rotated files.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditLogPage, AuditRecord } from '../../app/audit';
import { AuditLog } from '../../main/audit/audit-log';
import { generationPath } from '../../main/audit/log-generations';
import { SimulatedBackend } from '../../main/backends/simulated/simulated-backend';
import { AnycastService, type ServiceOptions } from '../../main/service/anycast-service';
import { testServiceOptions } from '../support/service-options';

const ETHERNET = { interfaceLuid: '1688849877041152', interfaceIndex: 12 };
const key = (address: string) => ({ address, ...ETHERNET });

function setUp(options: { rotateAtBytes?: number; keepRotated?: number } = {}) {
  const backend = new SimulatedBackend({ seedEntries: false });
  const faults: Array<[string, unknown]> = [];
  const base = testServiceOptions({ logFault: (method, fault) => faults.push([method, fault]) });
  const audit = new AuditLog(join(base.dataDir, 'audit.jsonl'), options);
  const serviceOptions: ServiceOptions = { ...base, files: { ...base.files, audit } };
  const service = new AnycastService(backend, serviceOptions);
  const calls = { create: 0, delete: 0 };
  const create = backend.createAnycast.bind(backend);
  const remove = backend.deleteAnycast.bind(backend);
  backend.createAnycast = (row) => {
    calls.create += 1;
    return create(row);
  };
  backend.deleteAnycast = (row) => {
    calls.delete += 1;
    return remove(row);
  };
  return { backend, service, audit, faults, calls, dataDir: base.dataDir };
}

/** The audit file's name taken by a folder: the first write after this fails. */
function replaceLogWithFolder(audit: AuditLog): void {
  audit.close();
  rmSync(audit.path, { force: true });
  mkdirSync(audit.path);
}

async function page(service: AnycastService, request: { limit: number; before?: AuditLogPage['older'] }): Promise<AuditLogPage> {
  const reply = await service.handle('readAuditLog', request.before ? request : { limit: request.limit });
  if (!reply.ok) throw new Error(`readAuditLog failed: ${reply.error.what}`);
  return reply.value as AuditLogPage;
}

describe('no change without a record', () => {
  it('writes the intent before the backend call and the outcome after it', async () => {
    const { service, backend, audit } = setUp();
    const lines: string[] = [];
    const create = backend.createAnycast.bind(backend);
    backend.createAnycast = (row) => {
      lines.push(...readFileSync(audit.path, 'utf8').trim().split('\n'));
      return create(row);
    };
    await service.handle('createAnycast', key('192.0.2.1'));
    const during = lines.map((line) => JSON.parse(line) as { kind: string });
    expect(during.map((line) => line.kind)).toEqual(['intent']);
    const after = readFileSync(audit.path, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { kind: string; id: string });
    expect(after.map((line) => line.kind)).toEqual(['intent', 'outcome']);
    expect(after[1]!.id).toBe(after[0]!.id);
    expect(after[1]).toMatchObject({ resultCode: 0, result: 'NO_ERROR' });
  });

  it('refuses a create readably, without calling the backend, when a folder has taken the audit file’s name', async () => {
    const { service, audit, calls, faults } = setUp();
    replaceLogWithFolder(audit);
    const reply = await service.handle('createAnycast', key('192.0.2.1'));
    expect(calls.create).toBe(0);
    expect(reply).toMatchObject({ ok: false, error: { operation: 'create', address: '192.0.2.1', title: 'Not changed: the audit log cannot be written' } });
    if (reply.ok) return;
    expect(reply.error.what).toBe(`Anycast Manager did not add 192.0.2.1: the audit log ${audit.path} cannot be written: a folder has taken its name.`);
    expect(reply.error.todo).toContain(`Move or rename the folder ${audit.path}`);
    expect(reply.error.systemMessage).toMatch(/EISDIR/);
    expect(faults.map(([method]) => method)).toEqual(['audit']);
  });

  it('refuses a delete the same way, and the entry stays', async () => {
    const { service, backend, audit, calls } = setUp();
    expect(await service.handle('createAnycast', key('192.0.2.2'))).toMatchObject({ ok: true });
    replaceLogWithFolder(audit);
    const reply = await service.handle('deleteAnycast', key('192.0.2.2'));
    expect(calls.delete).toBe(0);
    expect(reply).toMatchObject({ ok: false, error: { operation: 'delete', title: 'Not changed: the audit log cannot be written' } });
    if (!reply.ok) expect(reply.error.what).toContain('did not remove 192.0.2.2');
    expect(await backend.listAnycast()).toMatchObject({ ok: true, value: [{ address: '192.0.2.2' }] });
  });

  it('says a change was made and is not on record when its outcome cannot be written', async () => {
    const { service, backend, audit, faults } = setUp();
    const create = backend.createAnycast.bind(backend);
    backend.createAnycast = async (row) => {
      const result = await create(row);
      // The disk fills up while Windows makes the change.
      vi.spyOn(audit, 'writeOutcome').mockImplementationOnce(() => {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      });
      return result;
    };
    const reply = await service.handle('createAnycast', key('192.0.2.3'));
    expect(reply).toMatchObject({
      ok: true,
      value: { address: '192.0.2.3' },
      warning: { title: 'Added, but the result is not on record', code: 112, symbol: 'ERROR_DISK_FULL', operation: 'create' },
    });
    if (reply.ok) expect(reply.warning?.what).toBe(`192.0.2.3 was added to Ethernet (index 12), but the audit log ${audit.path} could not record the result: the disk is full.`);
    expect(faults.map(([method]) => method)).toEqual(['audit']);
    // The log shows the attempt, with no outcome.
    const { records } = await page(service, { limit: 10 });
    expect(records).toMatchObject([{ operation: 'create', address: '192.0.2.3', resultCode: null, result: null }]);
  });

  it('says so too when the audit file is replaced by a folder during the change', async () => {
    const { service, backend, audit } = setUp();
    expect(await service.handle('createAnycast', key('192.0.2.4'))).toMatchObject({ ok: true });
    const remove = backend.deleteAnycast.bind(backend);
    backend.deleteAnycast = async (row) => {
      replaceLogWithFolder(audit);
      return remove(row);
    };
    const reply = await service.handle('deleteAnycast', key('192.0.2.4'));
    expect(reply).toMatchObject({ ok: true, value: null, warning: { title: 'Removed, but the result is not on record', operation: 'delete' } });
    if (reply.ok) expect(reply.warning?.what).toContain('a folder has taken its name');
  });

  it('keeps recording, and says so in the fault log, when a rotation fails', async () => {
    const { service, audit, faults } = setUp({ rotateAtBytes: 1, keepRotated: 2 });
    await service.handle('createAnycast', key('192.0.2.5'));
    // The oldest kept file's name is taken by a folder with something in it: deleting it fails.
    mkdirSync(generationPath(audit.path, 2), { recursive: true });
    writeFileSync(join(generationPath(audit.path, 2), 'x'), '');
    const reply = await service.handle('createAnycast', key('192.0.2.6'));
    expect(reply).toMatchObject({ ok: true });
    expect(faults.map(([method]) => method)).toContain('audit-rotation');
    expect((await page(service, { limit: 10 })).records.map((r) => [r.address, r.resultCode])).toEqual([
      ['192.0.2.6', 0],
      ['192.0.2.5', 0],
    ]);
  });
});

describe('reading the trail', () => {
  it('shows one record per change with its result, and an attempt with no outcome as such', async () => {
    const { service, audit } = setUp();
    await service.handle('createAnycast', key('192.0.2.7'));
    await service.handle('createAnycast', key('192.0.2.7'));
    // An attempt whose outcome never reached the file (the app stopped during the call).
    audit.writeIntent({
      kind: 'intent', id: 'stopped', time: '2025-03-14T08:00:00.000Z', user: 'u', machine: 'm', backend: 'simulated',
      operation: 'delete', address: '192.0.2.7', family: 'ipv4', interfaceLuid: ETHERNET.interfaceLuid, interfaceIndex: 12, interfaceLabel: 'Ethernet (index 12)',
    });
    const { records, skippedLines, older } = await page(service, { limit: 10 });
    expect(records.map((r) => [r.operation, r.resultCode, r.result])).toEqual([
      ['delete', null, null],
      ['create', 5010, 'ERROR_OBJECT_ALREADY_EXISTS'],
      ['create', 0, 'NO_ERROR'],
    ]);
    expect(skippedLines).toBe(0);
    expect(older).toBeNull();
  });

  it('reads lines of the earlier one-line format, and skips torn or foreign lines', async () => {
    const { service, audit } = setUp();
    const combined: AuditRecord = {
      time: '2025-03-14T08:00:00.000Z', user: 'u', machine: 'm', backend: 'windows', operation: 'create', address: '198.51.100.1',
      family: 'ipv4', interfaceLuid: ETHERNET.interfaceLuid, interfaceIndex: 12, interfaceLabel: 'Ethernet (index 12)', resultCode: 0, result: 'NO_ERROR',
    };
    writeFileSync(audit.path, `${JSON.stringify(combined)}\n{"kind":"outcome","id":"orphan","time":"t","resultCode":0,"result":"NO_ERROR"}\nnot json\n{"time":`);
    await service.handle('createAnycast', key('192.0.2.8'));
    const { records, skippedLines } = await page(service, { limit: 10 });
    expect(records.map((r) => r.address)).toEqual(['192.0.2.8', '198.51.100.1']);
    // The torn last line, the foreign line and the outcome whose attempt is not in the log.
    expect(skippedLines).toBe(3);
  });

  it('joins each outcome to its own intent when another writer’s lines come between', async () => {
    const { service, audit } = setUp();
    const intent = (id: string, address: string) => ({
      kind: 'intent', id, time: '2025-03-14T08:00:00.000Z', user: id, machine: 'm', backend: 'windows', operation: 'create',
      address, family: 'ipv4', interfaceLuid: ETHERNET.interfaceLuid, interfaceIndex: 12, interfaceLabel: 'Ethernet (index 12)',
    });
    const outcome = (id: string, resultCode: number) => ({ kind: 'outcome', id, time: '2025-03-14T08:00:01.000Z', resultCode, result: String(resultCode) });
    const lines = [intent('a', '192.0.2.10'), intent('b', '192.0.2.11'), outcome('a', 0), outcome('b', 5)];
    writeFileSync(audit.path, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
    const first = await page(service, { limit: 1 });
    // The page ends only when no outcome read so far is waiting for its intent.
    expect(first.records.map((r) => [r.user, r.resultCode])).toEqual([['b', 5], ['a', 0]]);
    expect(first.older).toBeNull();
  });

  it('refuses a cursor that no longer names a file of the log, or does not start a line', async () => {
    const { service, audit } = setUp();
    await service.handle('createAnycast', key('192.0.2.9'));
    const id = statSync(audit.path, { bigint: true }).ino.toString();
    const gone = await service.handle('readAuditLog', { limit: 5, before: { file: `${id}9`, offset: 0 } });
    expect(gone).toMatchObject({ ok: false, error: { code: 87, operation: 'read-audit' } });
    if (!gone.ok) expect(gone.error.what).toMatch(/removed from the log while it was open/);
    for (const offset of [3, statSync(audit.path).size + 1]) {
      const reply = await service.handle('readAuditLog', { limit: 5, before: { file: id, offset } });
      expect(reply, String(offset)).toMatchObject({ ok: false, error: { code: 87 } });
    }
  });
});

describe('rotation and paging', () => {
  const CHANGES = 60;

  /** Adds 192.0.2.<first> onwards, one change each. */
  async function makeChanges(service: AnycastService, count: number, first = 1): Promise<void> {
    for (let n = first; n < first + count; n++) expect(await service.handle('createAnycast', key(`192.0.2.${n}`))).toMatchObject({ ok: true });
  }

  it('rotates the log at its cap and keeps a bounded number of older files', async () => {
    const { service, audit } = setUp({ rotateAtBytes: 2_000, keepRotated: 3 });
    await makeChanges(service, CHANGES);
    const names = [0, 1, 2, 3, 4].map((n) => generationPath(audit.path, n));
    expect(names.map((name) => existsSync(name))).toEqual([true, true, true, true, false]);
    const changeBytes = readFileSync(audit.path, 'utf8').split('\n').slice(0, 2).join('\n').length + 1;
    for (const name of names.slice(1, 4)) {
      // A file is rotated before the change that would start past the cap; a change's two lines never straddle files.
      const size = statSync(name).size;
      expect(size).toBeGreaterThanOrEqual(2_000);
      expect(size).toBeLessThan(2_000 + changeBytes);
      expect(readFileSync(name, 'utf8').split('\n').filter(Boolean).length % 2).toBe(0);
    }
  });

  it('pages from the newest record back into the rotated files, each change once, in order', async () => {
    const { service } = setUp({ rotateAtBytes: 4_000, keepRotated: 3 });
    await makeChanges(service, CHANGES);
    const seen: AuditRecord[] = [];
    let current = await page(service, { limit: 7 });
    let pages = 1;
    seen.push(...current.records);
    while (current.older) {
      expect(current.records).toHaveLength(7);
      expect(pages, 'the pages never reach the oldest record').toBeLessThan(CHANGES);
      current = await page(service, { limit: 7, before: current.older });
      seen.push(...current.records);
      pages += 1;
    }
    expect(pages).toBeGreaterThan(3);
    // Newest first: the last change made is the first record, and every record has its outcome.
    const addresses = Array.from({ length: CHANGES }, (_, n) => `192.0.2.${n + 1}`).reverse();
    expect(seen.map((r) => r.address)).toEqual(addresses.slice(0, seen.length));
    expect(seen.every((r) => r.resultCode === 0)).toBe(true);
    // Four files of about 4 kB hold some of the 60 changes; the oldest were dropped with the oldest file.
    expect(seen.length).toBeGreaterThan(20);
    expect(seen.length).toBeLessThan(CHANGES);
  });

  it('keeps paging from a cursor after a rotation moves its file', async () => {
    const { service } = setUp({ rotateAtBytes: 2_000, keepRotated: 10 });
    await makeChanges(service, 10);
    const first = await page(service, { limit: 4 });
    expect(first.records.map((r) => r.address)).toEqual(['192.0.2.10', '192.0.2.9', '192.0.2.8', '192.0.2.7']);
    await makeChanges(service, 12, 11);
    const next = await page(service, { limit: 4, before: first.older });
    expect(next.records.map((r) => r.address)).toEqual(['192.0.2.6', '192.0.2.5', '192.0.2.4', '192.0.2.3']);
  });
});
