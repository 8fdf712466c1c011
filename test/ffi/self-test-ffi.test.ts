/**
 * The self-test over the Windows backend and the C test library: the exports it names, the
 * table reads it times and the round trip through the service, where the library has the
 * anycast functions and where it lacks them (as Wine's iphlpapi does).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANYCAST_EXPORTS, parseSelfTestDocument, selfTestProblems, selfTestText } from '../../app/self-test';
import { ERROR_PROC_NOT_FOUND } from '../../app/win32-errors';
import type { AnycastBackend } from '../../main/backends/backend';
import { runHeadlessSelfTest, SELF_TEST_EXIT } from '../../main/diagnostics/headless-self-test';
import { AnycastService } from '../../main/service/anycast-service';
import { testServiceOptions } from '../support/service-options';
import { backendOverFake, buildFakeLibrary, fakeControl, type FakeVariant } from './fake-iphlpapi';
import { commandFor, findTool } from './native-build';

const cc = commandFor(findTool('cc', 'gcc'), 'Self-test over the C test library');

const ALL_EXPORTS = [
  'GetAnycastIpAddressTable',
  'CreateAnycastIpAddressEntry',
  'DeleteAnycastIpAddressEntry',
  'GetAnycastIpAddressEntry',
  'GetIfTable2Ex',
  'NotifyIpInterfaceChange',
  'CancelMibChangeNotify2',
];

/** An audit line as written: an intent names the change, its outcome carries the same id. */
interface AuditLine {
  kind: 'intent' | 'outcome';
  id: string;
  operation?: string;
  address?: string;
  result?: string;
}

/** Runs the headless self-test over the library built as `variant`; returns the report file's document and the exit code. */
async function headless(variant: FakeVariant, interfaceName: string) {
  const library = buildFakeLibrary(cc!, variant);
  fakeControl(library).reset();
  const backend: AnycastBackend = backendOverFake(library);
  const options = testServiceOptions({ simulatedReason: null });
  const service = new AnycastService(backend, options);
  const reportFile = join(options.dataDir, 'self-test.txt');
  try {
    const code = await runHeadlessSelfTest(service, { interface: interfaceName, reportFile }, () => undefined);
    const document = readFileSync(reportFile, 'utf8');
    const audit = readFileSync(join(options.dataDir, 'audit.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as AuditLine);
    return { code, document, report: parseSelfTestDocument(document), audit, control: fakeControl(library), entries: await backend.listAnycast() };
  } finally {
    backend.close();
  }
}

describe.skipIf(cc === null)('the self-test over the C test library', () => {
  it('finds every export, reads each table, and adds and removes a documentation address, on the record', async () => {
    const { code, report, audit, entries, control } = await headless('full', 'Ethernet');
    expect(code).toBe(SELF_TEST_EXIT.clean);
    expect(report.backend).toBe('windows');
    expect(report.exports).toEqual(ALL_EXPORTS.map((name) => ({ name, found: true })));
    expect(report).toMatchObject({ elevated: true, stacks: { ipv4: true, ipv6: true } });
    expect(report.tables.map((t) => [t.table, t.ok])).toEqual([['ip-interfaces', true], ['interfaces', true], ['anycast', true]]);
    expect(report.tables[1]!.rows).toBeGreaterThan(0);
    expect(report.roundTrip).toMatchObject({ interfaceLabel: 'Ethernet (index 12)', address: '2001:db8:5e1f::1', cleanup: 'removed' });
    expect(report.roundTrip!.steps.every((s) => s.ok)).toBe(true);
    // The audit trail holds an intent and an outcome for each of the two writes.
    const outcomes = new Map(audit.filter((line) => line.kind === 'outcome').map((line) => [line.id, line.result]));
    expect(audit.filter((line) => line.kind === 'intent').map((line) => [line.operation, line.address, outcomes.get(line.id)])).toEqual([
      ['create', '2001:db8:5e1f::1', 'NO_ERROR'],
      ['delete', '2001:db8:5e1f::1', 'NO_ERROR'],
    ]);
    expect(entries).toEqual({ ok: true, value: [] });
    expect([control.outstandingTables(), control.outstandingSids()]).toEqual([0, 0]);
  });

  it('where the anycast exports are missing, names each one and says the app cannot manage entries here', async () => {
    const { code, report, document } = await headless('no-anycast-exports', 'Ethernet');
    expect(code).toBe(SELF_TEST_EXIT.problems);
    const found = Object.fromEntries(report.exports.map((e) => [e.name, e.found]));
    expect(found).toMatchObject({ ...Object.fromEntries(ANYCAST_EXPORTS.map((name) => [name, false])), GetIfTable2Ex: true });
    expect(report.tables.find((t) => t.table === 'anycast')).toMatchObject({ ok: false, error: { code: ERROR_PROC_NOT_FOUND, symbol: 'ERROR_PROC_NOT_FOUND' } });
    expect(report.tables.find((t) => t.table === 'interfaces')!.ok).toBe(true);
    expect(report.roundTrip!.steps).toMatchObject([{ step: 'create', ok: false, error: { code: ERROR_PROC_NOT_FOUND } }]);
    expect(report.roundTrip!.cleanup).toBe('not-needed');
    expect(selfTestProblems(report)[0]).toBe(
      'iphlpapi.dll on this computer lacks GetAnycastIpAddressTable, CreateAnycastIpAddressEntry, DeleteAnycastIpAddressEntry, GetAnycastIpAddressEntry: ' +
        'Anycast Manager cannot manage anycast entries here (Windows Vista or later has them; Wine does not).',
    );
    expect(document).toContain(`  ${'GetAnycastIpAddressTable'.padEnd(30)} MISSING`);
    expect(document.startsWith(selfTestText(report))).toBe(true);
  });
});
