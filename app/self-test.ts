/**
 * "Check this computer": what the self-test found, as data (checked like any IPC reply)
 * and as text a technician can paste into a ticket. The probing is in main/diagnostics;
 * this only describes and words the result, so the window, the headless run and the
 * tests all read the same report.
 */
import { z } from 'zod';
import { BackendKind } from './model';

/** The four functions the app cannot add, list or remove anycast entries without. */
export const ANYCAST_EXPORTS = [
  'GetAnycastIpAddressTable',
  'GetAnycastIpAddressEntry',
  'CreateAnycastIpAddressEntry',
  'DeleteAnycastIpAddressEntry',
] as const;

export const SELF_TEST_FORMAT = 'anycast-manager-self-test/1';

/** Documentation prefixes (RFC 3849, RFC 5737): never routed, so a test entry cannot collide with a real address. */
export const SELF_TEST_PREFIXES = { ipv6: '2001:db8:5e1f::', ipv4: '192.0.2.' } as const;

/** The Win32 facts of a failed step, enough for a ticket. */
export const StepError = z.object({ code: z.number().int(), symbol: z.string(), message: z.string() });

export const TableRead = z.object({
  /** What was read: the stacks (IP interface table), the interfaces, the anycast entries. */
  table: z.enum(['ip-interfaces', 'interfaces', 'anycast']),
  ok: z.boolean(),
  ms: z.number().nonnegative(),
  /** Rows read; absent when the read failed or a table answers no count (the stacks). */
  rows: z.number().int().nonnegative().optional(),
  error: StepError.optional(),
});

export const RoundTripStep = z.object({
  step: z.enum(['create', 'get', 'list', 'delete']),
  ok: z.boolean(),
  ms: z.number().nonnegative(),
  /** What the step showed besides success, e.g. that the list did not hold the new entry. */
  note: z.string().optional(),
  error: StepError.optional(),
});

export const RoundTrip = z.object({
  /** The interface as the person named it. */
  requested: z.string(),
  /** The interface it matched, as the app labels it; absent when it matched none. */
  interfaceLabel: z.string().optional(),
  address: z.string().optional(),
  /** Why no step was tried (no such interface, no stack to try). */
  refused: z.string().optional(),
  steps: z.array(RoundTripStep),
  /** removed: the test entry is gone again; left: it could not be removed and is named in the text. */
  cleanup: z.enum(['not-needed', 'removed', 'left']),
});

export const SelfTestReport = z.object({
  format: z.literal(SELF_TEST_FORMAT),
  appVersion: z.string(),
  generatedAt: z.string(),
  machine: z.string(),
  user: z.string(),
  /** process.platform of the app. */
  platform: z.string(),
  /** null off Windows. `build` is the third part of the version (22631 for 10.0.22631). */
  windows: z.object({ version: z.string(), build: z.number().int().nullable(), edition: z.string() }).nullable(),
  backend: BackendKind,
  /**
   * Every optional iphlpapi.dll export the app looks for and whether it was found. Empty
   * for the simulated computer, which loads no system library.
   */
  exports: z.array(z.object({ name: z.string(), found: z.boolean() })),
  elevated: z.boolean(),
  stacks: z.object({ ipv4: z.boolean(), ipv6: z.boolean() }),
  tables: z.array(TableRead),
  roundTrip: RoundTrip.nullable(),
});

export type StepError = z.infer<typeof StepError>;
export type TableRead = z.infer<typeof TableRead>;
export type RoundTripStep = z.infer<typeof RoundTripStep>;
export type RoundTrip = z.infer<typeof RoundTrip>;
export type SelfTestReport = z.infer<typeof SelfTestReport>;

/** The test address: the first of the documentation prefix not already in `taken`. */
export function selfTestAddress(family: 'ipv4' | 'ipv6', taken: ReadonlySet<string>): string {
  for (let n = 1; n < 255; n++) {
    const address = `${SELF_TEST_PREFIXES[family]}${family === 'ipv6' ? n.toString(16) : n}`;
    if (!taken.has(address)) return address;
  }
  throw new Error(`Every self-test address in ${SELF_TEST_PREFIXES[family]} is already on the computer.`);
}

/** The build number in a Windows version such as 10.0.22631; null when there is none. */
export function windowsBuild(version: string): number | null {
  const build = /^\d+\.\d+\.(\d+)/.exec(version)?.[1];
  return build === undefined ? null : Number(build);
}

const TABLE_NAMES: Record<TableRead['table'], string> = {
  'ip-interfaces': 'IP interfaces (stacks)',
  interfaces: 'interfaces',
  anycast: 'anycast entries',
};

/** What needs attention, one sentence each; empty when the computer can do everything the app does. */
export function selfTestProblems(report: SelfTestReport): string[] {
  const problems: string[] = [];
  const missing = report.exports.filter((e) => !e.found && (ANYCAST_EXPORTS as readonly string[]).includes(e.name)).map((e) => e.name);
  if (missing.length > 0) {
    problems.push(
      `iphlpapi.dll on this computer lacks ${missing.join(', ')}: Anycast Manager cannot manage anycast entries here (Windows Vista or later has them; Wine does not).`,
    );
  }
  if (!report.elevated) problems.push('The app is not running as administrator: it can list, but adding and removing will be refused.');
  if (!report.stacks.ipv4 && !report.stacks.ipv6) problems.push('Neither IPv4 nor IPv6 is installed.');
  for (const read of report.tables) {
    if (!read.ok) problems.push(`The ${TABLE_NAMES[read.table]} table could not be read${read.error ? `: ${describeError(read.error)}` : ''}.`);
  }
  const trip = report.roundTrip;
  if (trip) {
    if (trip.refused) problems.push(`The round trip on "${trip.requested}" was not tried: ${trip.refused}`);
    for (const step of trip.steps) {
      if (!step.ok) problems.push(`The round trip's ${step.step} failed${step.error ? `: ${describeError(step.error)}` : ''}${step.note ? ` (${step.note})` : ''}.`);
    }
    if (trip.cleanup === 'left') {
      problems.push(`The test entry ${trip.address ?? ''} could not be removed from ${trip.interfaceLabel ?? trip.requested}; remove it by hand (netsh interface ipv6 delete address, or Remove-NetIPAddress).`);
    }
  }
  return problems;
}

function describeError(error: StepError): string {
  return `${error.symbol} (${error.code}), ${error.message.trim()}`;
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');
const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;

/** The report for a ticket: plain text, one fact per line, then what needs attention. */
export function selfTestText(report: SelfTestReport): string {
  const lines = [
    'Anycast Manager: Check this computer',
    `App version: ${report.appVersion}`,
    `Run at: ${report.generatedAt}`,
    `Computer: ${report.machine}, user ${report.user}`,
    report.windows
      ? `Windows: ${report.windows.version}${report.windows.build === null ? '' : ` (build ${report.windows.build})`}, ${report.windows.edition}`
      : `Windows: no (platform ${report.platform})`,
    `Backend: ${report.backend === 'windows' ? "Windows' own API (iphlpapi.dll)" : 'the simulated computer (no system library loaded)'}`,
  ];
  if (report.exports.length > 0) {
    lines.push('iphlpapi.dll functions:');
    for (const e of report.exports) lines.push(`  ${e.name.padEnd(30)} ${e.found ? 'found' : 'MISSING'}`);
  }
  lines.push(`Elevated (administrator): ${yesNo(report.elevated)}`);
  lines.push(`Stacks: IPv4 ${yesNo(report.stacks.ipv4)}, IPv6 ${yesNo(report.stacks.ipv6)}`);
  lines.push('Table reads:');
  for (const read of report.tables) {
    const outcome = read.ok ? `ok${read.rows === undefined ? '' : `, ${read.rows} rows`}` : `FAILED, ${read.error ? describeError(read.error) : 'no reason given'}`;
    lines.push(`  ${TABLE_NAMES[read.table].padEnd(24)} ${outcome}, ${ms(read.ms)}`);
  }
  const trip = report.roundTrip;
  if (trip) {
    lines.push(`Round trip on "${trip.requested}"${trip.interfaceLabel ? ` (${trip.interfaceLabel})` : ''}${trip.address ? ` with ${trip.address}` : ''}:`);
    if (trip.refused) lines.push(`  not tried: ${trip.refused}`);
    for (const step of trip.steps) {
      const outcome = step.ok ? 'ok' : `FAILED${step.error ? `, ${describeError(step.error)}` : ''}`;
      lines.push(`  ${step.step.padEnd(8)} ${outcome}${step.note ? ` (${step.note})` : ''}, ${ms(step.ms)}`);
    }
    lines.push(`  test entry: ${{ 'not-needed': 'none was added', removed: 'removed again', left: 'STILL PRESENT' }[trip.cleanup]}`);
  }
  const problems = selfTestProblems(report);
  lines.push(problems.length === 0 ? 'Result: no problems found.' : `Result: ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} found:`);
  for (const problem of problems) lines.push(`  - ${problem}`);
  return lines.join('\n');
}

const JSON_MARKER = '----- JSON -----';

/** Text and JSON in one document, for a file or the clipboard: people read the top, tools the bottom. */
export function selfTestDocument(report: SelfTestReport): string {
  return `${selfTestText(report)}\n\n${JSON_MARKER}\n${JSON.stringify(report, null, 2)}\n`;
}

/** The report a document carries, checked; throws when there is none or it does not fit the schema. */
export function parseSelfTestDocument(document: string): SelfTestReport {
  const at = document.indexOf(JSON_MARKER);
  if (at < 0) throw new Error('This is not a self-test report: it has no JSON part.');
  return SelfTestReport.parse(JSON.parse(document.slice(at + JSON_MARKER.length)));
}
