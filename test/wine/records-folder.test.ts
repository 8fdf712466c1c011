/**
 * The records folder's Windows calls under Wine: the Windows build of Node creates the
 * folder under ProgramData with the administrators-only descriptor and reads its
 * permissions back, through the same code the app runs.
 *
 * What Wine does with permissions: it keeps no Windows ACL. A security descriptor given
 * at creation is turned into Unix permission bits (SYSTEM and Administrators full control,
 * Users read, nothing for anyone else becomes rwxr-x---), and reading one back makes up a
 * descriptor from those bits, owned by Wine's own user. So this proves the calls, their
 * types and the memory they return, and that the check reports what it is given; that
 * Windows keeps the descriptor as applied is checked only on Windows.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bundleProbe } from './probe-bundle';
import type { RecordsProbeResult } from './records-probe';
import { prepareWineEnv } from './wine-env';
import { runNodeUnderWine, toWindowsPath } from './wine-run';

const SETUP_TIMEOUT_MS = 5 * 60_000;
const PROBE_TIMEOUT_MS = 2 * 60_000;

const wineMissing = spawnSync('sh', ['-c', 'command -v wine'], { stdio: 'ignore' }).status !== 0;
const required = Boolean(process.env.CI) && process.env.CI !== 'false';
if (wineMissing && !required) console.warn('Skipping the records folder test under Wine: wine is not installed (apt-get install wine wine64).');

describe.skipIf(wineMissing && !required)('the records folder under Wine', () => {
  let result: RecordsProbeResult;
  let folderOnDisk: string;

  beforeAll(async () => {
    if (wineMissing) throw new Error('CI is set but wine is not installed.');
    const wine = await prepareWineEnv('records');
    // The prefix is kept between runs: start without the folder, so the probe creates it.
    folderOnDisk = path.join(wine.env.WINEPREFIX!, 'drive_c', 'ProgramData', 'Anycast Manager');
    fs.rmSync(folderOnDisk, { recursive: true, force: true });
    const script = path.join(wine.runDir, 'records-probe.cjs');
    const output = path.join(wine.runDir, 'records-result.json');
    await bundleProbe(script, './records-probe.ts');
    const run = await runNodeUnderWine(wine, script, [toWindowsPath(output)], PROBE_TIMEOUT_MS);
    expect(run.timedOut, 'the probe hung').toBe(false);
    expect(run.exitCode, `the probe crashed:\n${run.stderr}`).toBe(0);
    result = JSON.parse(fs.readFileSync(output, 'utf8')) as RecordsProbeResult;
  }, SETUP_TIMEOUT_MS);

  it('creates the folder under the ProgramData that Windows reports', () => {
    expect(result.place.dir).toMatch(/^C:\\ProgramData\\Anycast Manager$/i);
    expect(fs.statSync(folderOnDisk).isDirectory()).toBe(true);
  });

  it('applies the descriptor as it creates the folder: Wine maps it to owner and group only', () => {
    expect(fs.statSync(folderOnDisk).mode & 0o777).toBe(0o750);
  });

  it('reads the permissions back as SDDL and checks them, reporting what Wine made up as loosened', () => {
    // Wine's made-up descriptor: its user as owner and full control, no protection from inheritance.
    expect(result.sddl).toMatch(/^O:S-1-5-21-[0-9-]+D:/);
    expect(result.place.folder.access).toBe('loosened');
    expect(result.place.folder.problems).toEqual(expect.arrayContaining([expect.stringMatching(/^it is owned by S-1-5-21-/), 'it inherits permissions from the folder above it']));
    expect(result.faults).toEqual([expect.stringMatching(/^records-folder: C:\\ProgramData\\Anycast Manager lets others than administrators change the records: /)]);
  });

  it('leaves an existing folder as it is', () => {
    expect(result.createdAgain).toBe(false);
  });
});
