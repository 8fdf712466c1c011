/**
 * "Check this computer" through the service, over the simulated computer: what it reports,
 * the round trip on a named interface (audited like any change, its entry removed even when
 * a step fails), and the headless run's file and exit code.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSelfTestDocument, selfTestProblems, selfTestText, type SelfTestReport } from '../../app/self-test';
import type { Reply } from '../../app/ipc-contract';
import { ERROR_ACCESS_DENIED, ERROR_NOT_FOUND } from '../../app/win32-errors';
import { fail } from '../../main/backends/backend';
import { SimulatedBackend } from '../../main/backends/simulated/simulated-backend';
import { runHeadlessSelfTest, SELF_TEST_EXIT } from '../../main/diagnostics/headless-self-test';
import { AnycastService } from '../../main/service/anycast-service';
import { testServiceOptions } from '../support/service-options';
import { version } from '../../package.json';

async function selfTest(backend: SimulatedBackend, request: { interface?: string } = {}) {
  const service = new AnycastService(backend, testServiceOptions({ simulatedReason: 'demo-flag' }));
  const reply = (await service.handle('runSelfTest', request)) as Reply<'runSelfTest'>;
  if (!reply.ok) throw new Error(reply.error.what);
  const audit = (await service.handle('readAuditLog', { limit: 100 })) as Reply<'readAuditLog'>;
  if (!audit.ok) throw new Error(audit.error.what);
  return { report: reply.value, audit: audit.value.records.reverse(), entries: await backend.listAnycast() };
}

describe('the self-test over the simulated computer', () => {
  it('reports the app version, the backend, elevation, stacks and each table read, with no exports to name', async () => {
    const { report, audit } = await selfTest(new SimulatedBackend());
    expect(report).toMatchObject({
      appVersion: version,
      backend: 'simulated',
      machine: 'TEST-PC',
      exports: [],
      elevated: true,
      stacks: { ipv4: true, ipv6: true },
      roundTrip: null,
    });
    expect(report.tables.map((t) => [t.table, t.ok, t.rows])).toEqual([
      ['ip-interfaces', true, undefined],
      ['interfaces', true, 6],
      ['anycast', true, 2],
    ]);
    expect(report.tables.every((t) => t.ms >= 0)).toBe(true);
    expect(selfTestProblems(report)).toEqual([]);
    expect(selfTestText(report)).toContain('Backend: the simulated computer (no system library loaded)');
    // Without an interface it reads only.
    expect(audit).toEqual([]);
  });

  it('adds, reads, lists and deletes a documentation address on the named interface, and the audit log records both writes', async () => {
    const backend = new SimulatedBackend();
    const before = await backend.listAnycast();
    const { report, audit, entries } = await selfTest(backend, { interface: 'ethernet' });
    const trip = report.roundTrip!;
    expect(trip).toMatchObject({ requested: 'ethernet', interfaceLabel: 'Ethernet (index 12)', address: '2001:db8:5e1f::1', cleanup: 'removed' });
    expect(trip.steps.map((s) => [s.step, s.ok])).toEqual([['create', true], ['get', true], ['list', true], ['delete', true]]);
    expect(audit.map((r) => [r.operation, r.address, r.result])).toEqual([
      ['create', '2001:db8:5e1f::1', 'NO_ERROR'],
      ['delete', '2001:db8:5e1f::1', 'NO_ERROR'],
    ]);
    expect(entries).toEqual(before);
    expect(selfTestText(report)).toContain('test entry: removed again');
  });

  it('takes an IPv4 documentation address where the interface carries only IPv4, skipping one already there', async () => {
    const backend = new SimulatedBackend({ ipv6Stack: false, seedEntries: false });
    await backend.createAnycast({ address: '192.0.2.1', family: 'ipv4', interfaceLuid: 0n, interfaceIndex: 12, scopeId: 0 });
    const { report } = await selfTest(backend, { interface: '12' });
    expect(report.roundTrip).toMatchObject({ address: '192.0.2.2', cleanup: 'removed' });
    expect(report.stacks).toEqual({ ipv4: true, ipv6: false });
  });

  it('removes its entry even when a step after the create fails, and says what failed', async () => {
    const backend = new SimulatedBackend();
    backend.getAnycast = async () => fail(ERROR_NOT_FOUND);
    const listAnycast = backend.listAnycast.bind(backend);
    let lists = 0;
    // The first listing picks the address; the one in the round trip loses the new entry.
    backend.listAnycast = async () => {
      const listed = await listAnycast();
      return ++lists === 1 || !listed.ok ? listed : { ok: true, value: listed.value.filter((e) => !e.address.startsWith('2001:db8:5e1f')) };
    };
    const { report, audit } = await selfTest(backend, { interface: 'Ethernet' });
    const trip = report.roundTrip!;
    expect(trip.steps.map((s) => [s.step, s.ok])).toEqual([['create', true], ['get', false], ['list', false], ['delete', true]]);
    expect(trip.steps[1]!.error).toMatchObject({ code: ERROR_NOT_FOUND, symbol: 'ERROR_NOT_FOUND' });
    expect(trip.steps[2]!.note).toBe('the new entry was not in the list');
    expect(trip.cleanup).toBe('removed');
    const left = await listAnycast();
    expect(left.ok && left.value.filter((e) => e.address.startsWith('2001:db8:5e1f'))).toEqual([]);
    expect(audit.map((r) => r.operation)).toEqual(['create', 'delete']);
    expect(selfTestProblems(report)).toEqual([
      expect.stringMatching(/^The round trip's get failed: ERROR_NOT_FOUND \(1168\)/),
      "The round trip's list failed (the new entry was not in the list).",
    ]);
  });

  it('names an entry it could not remove, so the technician can', async () => {
    const backend = new SimulatedBackend();
    backend.deleteAnycast = async () => fail(ERROR_ACCESS_DENIED);
    const { report } = await selfTest(backend, { interface: 'Ethernet' });
    expect(report.roundTrip!.cleanup).toBe('left');
    expect(selfTestText(report)).toContain('test entry: STILL PRESENT');
    expect(selfTestProblems(report).at(-1)).toMatch(/^The test entry 2001:db8:5e1f::1 could not be removed from Ethernet \(index 12\)/);
  });

  it('without administrator rights: the create is refused, nothing is left to remove, and the report says why', async () => {
    const { report, audit } = await selfTest(new SimulatedBackend({ elevated: false }), { interface: 'Ethernet' });
    expect(report.elevated).toBe(false);
    expect(report.roundTrip!.steps).toMatchObject([{ step: 'create', ok: false, error: { code: ERROR_ACCESS_DENIED, symbol: 'ERROR_ACCESS_DENIED' } }]);
    expect(report.roundTrip!.cleanup).toBe('not-needed');
    expect(audit.map((r) => [r.operation, r.result])).toEqual([['create', 'ERROR_ACCESS_DENIED']]);
    expect(selfTestProblems(report)[0]).toBe('The app is not running as administrator: it can list, but adding and removing will be refused.');
  });

  it('does not guess an interface it cannot find', async () => {
    const { report, audit } = await selfTest(new SimulatedBackend(), { interface: 'Ethernet 9' });
    expect(report.roundTrip).toMatchObject({ requested: 'Ethernet 9', steps: [], cleanup: 'not-needed' });
    expect(report.roundTrip!.refused).toMatch(/^No interface matches "Ethernet 9"/);
    expect(audit).toEqual([]);
  });
});

describe('the headless self-test', () => {
  const dir = mkdtempSync(join(tmpdir(), 'anycast-self-test-'));
  const service = (backend: SimulatedBackend) => new AnycastService(backend, testServiceOptions({ simulatedReason: 'demo-flag' }));

  it('prints the report, writes text and JSON to the file, and exits 0 when nothing needs fixing', async () => {
    const printed: string[] = [];
    const file = join(dir, 'clean.txt');
    const code = await runHeadlessSelfTest(service(new SimulatedBackend()), { interface: 'Wi-Fi', reportFile: file }, (t) => printed.push(t));
    expect(code).toBe(SELF_TEST_EXIT.clean);
    const document = readFileSync(file, 'utf8');
    expect(printed[0]).toBe(document);
    const report: SelfTestReport = parseSelfTestDocument(document);
    expect(document.startsWith(selfTestText(report))).toBe(true);
    expect(report.roundTrip).toMatchObject({ interfaceLabel: 'Wi-Fi (index 18)', cleanup: 'removed' });
    expect(document).toContain('Result: no problems found.');
  });

  it('exits 1 when the report lists problems', async () => {
    const code = await runHeadlessSelfTest(service(new SimulatedBackend({ elevated: false })), {}, () => undefined);
    expect(code).toBe(SELF_TEST_EXIT.problems);
  });

  it('exits 2 when the report cannot be written or the request is refused', async () => {
    const printed: string[] = [];
    expect(await runHeadlessSelfTest(service(new SimulatedBackend()), { reportFile: join(dir, 'missing', 'r.txt') }, (t) => printed.push(t))).toBe(
      SELF_TEST_EXIT.failed,
    );
    expect(printed.at(-1)).toMatch(/^The report could not be written to .*r\.txt: ENOENT/);
    expect(await runHeadlessSelfTest(service(new SimulatedBackend()), { interface: 'x'.repeat(300) }, (t) => printed.push(t))).toBe(SELF_TEST_EXIT.failed);
    expect(printed.at(-1)).toMatch(/^The self-test did not run: The request did not have the expected form \(interface:/);
  });
});
