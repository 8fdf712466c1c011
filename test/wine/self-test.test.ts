/**
 * The headless self-test under Wine, in the Windows build of Node, over Wine's own
 * iphlpapi.dll: Wine 8 lacks the four anycast functions, so the report must name each as
 * missing, say the app cannot manage entries there, and exit 1, while the interface table
 * still reads. The round trip's refused create is on the audit record like any other.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ANYCAST_EXPORTS, parseSelfTestDocument, selfTestProblems, type SelfTestReport } from '../../app/self-test';
import { ERROR_PROC_NOT_FOUND } from '../../app/win32-errors';
import { SELF_TEST_EXIT } from '../../main/diagnostics/headless-self-test';
import { bundleProbe } from './probe-bundle';
import { prepareWineEnv } from './wine-env';
import { runNodeUnderWine, toWindowsPath } from './wine-run';

const SETUP_TIMEOUT_MS = 5 * 60_000;
const PROBE_TIMEOUT_MS = 2 * 60_000;

const wineMissing = spawnSync('sh', ['-c', 'command -v wine'], { stdio: 'ignore' }).status !== 0;
const required = Boolean(process.env.CI) && process.env.CI !== 'false';
if (wineMissing && !required) console.warn('Skipping the self-test under Wine: wine is not installed (apt-get install wine wine64).');

describe.skipIf(wineMissing && !required)('the self-test under Wine', () => {
  let exitCode: number | null;
  let document: string;
  let report: SelfTestReport;
  let audit: string;

  beforeAll(async () => {
    if (wineMissing) throw new Error('CI is set but wine is not installed.');
    const wine = await prepareWineEnv('self-test');
    const script = path.join(wine.runDir, 'self-test-probe.cjs');
    const reportFile = path.join(wine.runDir, 'self-test.txt');
    const dataDir = path.join(wine.runDir, 'data');
    await bundleProbe(script, './self-test-probe.ts');
    // Wine lists the host's interfaces under their Linux names; every host has lo.
    const run = await runNodeUnderWine(wine, script, [toWindowsPath(reportFile), toWindowsPath(dataDir), 'lo'], PROBE_TIMEOUT_MS);
    expect(run.timedOut, 'the self-test hung').toBe(false);
    exitCode = run.exitCode;
    expect(fs.existsSync(reportFile), `no report was written:\n${run.stderr}`).toBe(true);
    document = fs.readFileSync(reportFile, 'utf8');
    report = parseSelfTestDocument(document);
    audit = fs.readFileSync(path.join(dataDir, 'audit.jsonl'), 'utf8');
  }, SETUP_TIMEOUT_MS);

  it('exits 1: there are problems to fix', () => {
    expect(exitCode).toBe(SELF_TEST_EXIT.problems);
  });

  it("reports Windows as Wine presents it, and Wine's own DLL as the backend", () => {
    expect(report.platform).toBe('win32');
    expect(report.backend).toBe('windows');
    expect(report.windows?.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(report.windows?.build).toBe(Number(report.windows!.version.split('.')[2]));
    expect(document).toContain(`Windows: ${report.windows!.version} (build ${report.windows!.build})`);
  });

  it('names each anycast export as missing and says the app cannot manage anycast entries here', () => {
    const found = Object.fromEntries(report.exports.map((e) => [e.name, e.found]));
    expect(found).toMatchObject(Object.fromEntries(ANYCAST_EXPORTS.map((name) => [name, false])));
    for (const name of ANYCAST_EXPORTS) {
      expect(document).toContain(`  ${name.padEnd(30)} MISSING`);
    }
    expect(selfTestProblems(report)[0]).toMatch(/^iphlpapi\.dll on this computer lacks .*: Anycast Manager cannot manage anycast entries here/);
  });

  it('reads the interface tables, and reports the anycast table as unreadable for want of the functions', () => {
    expect(report.tables.map((t) => [t.table, t.ok])).toEqual([['ip-interfaces', true], ['interfaces', true], ['anycast', false]]);
    expect(report.tables[1]!.rows).toBeGreaterThan(0);
    expect(report.tables[2]!.error).toMatchObject({ code: ERROR_PROC_NOT_FOUND, symbol: 'ERROR_PROC_NOT_FOUND' });
  });

  it('tries the round trip on lo, is refused at the create, leaves nothing, and the audit log has the attempt', () => {
    expect(report.roundTrip).toMatchObject({ requested: 'lo', steps: [{ step: 'create', ok: false, error: { code: ERROR_PROC_NOT_FOUND } }], cleanup: 'not-needed' });
    expect(audit).toContain('"operation":"create"');
    expect(audit).toContain('"result":"ERROR_PROC_NOT_FOUND"');
  });
});
