/**
 * The Windows workflow (.github/workflows/windows.yml) cannot run here, so it is checked
 * here: against GitHub's workflow schema (action-validator), and step by step against what
 * it claims, so that a renamed script, switch, project, folder or file breaks this test
 * rather than the first run on GitHub.
 */
import { validateWorkflow } from '@action-validator/core';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { parseLaunchArguments } from '../../main/launch-options';
import playwrightConfig from '../../playwright.config';

const root = join(__dirname, '..', '..');
const source = readFileSync(join(root, '.github', 'workflows', 'windows.yml'), 'utf8');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  container?: string;
  env?: Record<string, string>;
  steps: Step[];
}
const workflow = yaml.load(source) as { jobs: Record<string, Job> };
const windows = workflow.jobs.windows!;
const linux = workflow.jobs.linux!;
const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const builder = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as {
  productName: string;
  directories: { output: string };
  win: { target: Array<{ target: string }> };
};

function step(job: Job, name: RegExp): Step {
  const found = job.steps.filter((s) => s.name !== undefined && name.test(s.name));
  expect(found, `one step named ${name}`).toHaveLength(1);
  return found[0]!;
}

describe('the Windows workflow', () => {
  it("validates against GitHub's workflow schema", () => {
    expect(validateWorkflow(source).errors).toEqual([]);
  });

  it('runs on windows-latest, and the project CI script in a second job on ubuntu-latest', () => {
    expect(windows['runs-on']).toBe('windows-latest');
    expect(linux['runs-on']).toBe('ubuntu-latest');
    expect(step(linux, /^Project CI/).run).toBe('bash .ci/run');
    expect(existsSync(join(root, '.ci', 'run'))).toBe(true);
  });

  it('names in each step what it runs: every "(command)" in a name is in its script, and every npm script exists', () => {
    for (const job of [windows, linux]) {
      for (const s of job.steps) {
        const claimed = /\(([^)]*(?:npm|playwright|bash|--)[^)]*)\)$/.exec(s.name ?? '')?.[1];
        if (claimed !== undefined) expect(s.run, s.name).toContain(claimed.replace(/^npx /, ''));
        for (const [, script] of (s.run ?? '').matchAll(/npm (?:run |)([\w:-]+)/g)) {
          if (['ci', 'install', 'test'].includes(script!)) continue;
          expect(Object.keys(scripts), `npm run ${script}`).toContain(script);
        }
      }
    }
  });

  it('downloads the Electron runtime and asks for the Electron end-to-end tests, which read that variable', () => {
    for (const env of [windows.env, ...windows.steps.map((s) => s.env)]) expect(Object.keys(env ?? {})).not.toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
    for (const s of windows.steps) expect(s.run ?? '').not.toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
    expect(windows.env?.ANYCAST_ELECTRON_E2E).toBe('1');
    expect(readFileSync(join(root, 'test', 'electron', 'electron-app.ts'), 'utf8')).toContain("process.env.ANYCAST_ELECTRON_E2E === '1'");
    expect(step(windows, /^Electron end-to-end/).run).toBe('npx playwright test --project electron');
    expect(playwrightConfig.projects?.find((p) => p.name === 'electron')?.testDir).toBe('test/electron');
  });

  it('runs npm test, then the real API and the exported scripts through test:windows on the adapter it picked', () => {
    const order = windows.steps.map((s) => s.name ?? s.uses);
    const at = (name: RegExp) => order.findIndex((n) => n !== undefined && name.test(n));
    expect(at(/^Install \(npm ci\)/)).toBeLessThan(at(/^Pick the runner's own adapter/));
    expect(at(/^Pick the runner's own adapter/)).toBeLessThan(at(/^Tests \(npm test\)/));
    expect(step(windows, /^Pick the runner's own adapter/).run).toContain('ANYCAST_TEST_INTERFACE=');
    expect(scripts['test:windows']).toBe('vitest run --config vitest.windows.config.ts');
    for (const file of ['real-api.test.ts', 'exported-scripts.test.ts']) expect(existsSync(join(root, 'test', 'windows', file))).toBe(true);
    expect(readFileSync(join(root, 'test', 'windows', 'target.ts'), 'utf8')).toContain('process.env.ANYCAST_TEST_INTERFACE');
  });

  it('removes documentation addresses from the adapter in both stores even after a failure, and fails if any is left', () => {
    const cleanup = step(windows, /^Remove test entries/);
    expect(cleanup.if).toBe('always()');
    expect(cleanup.run).toContain("'ActiveStore', 'PersistentStore'");
    expect(cleanup.run).toContain("-like '2001:db8:*'");
    expect(cleanup.run).toContain("-like '192.0.2.*'");
    expect(cleanup.run).toContain('throw "Still on the adapter');
  });

  it('uploads the installer electron-builder makes, which is the only target (no portable exe)', () => {
    expect(builder.win.target.map((t) => t.target)).toEqual(['nsis']);
    const upload = step(windows, /^Upload the installer/);
    expect(upload.uses).toMatch(/^actions\/upload-artifact@/);
    expect(upload.with?.path).toBe(`${builder.directories.output}/*.exe`);
    expect(upload.with?.['if-no-files-found']).toBe('error');
  });

  it("runs the packaged app's self-test with switches the app knows, and uploads its report even when it fails", () => {
    const selfTest = step(windows, /^Self-test of the packaged app/);
    expect(selfTest.run).toContain(`'${builder.directories.output}\\win-unpacked\\${builder.productName}.exe'`);
    const switches = [...selfTest.run!.matchAll(/'(--[\w-]+)'/g)].map((m) => m[1]!);
    expect(switches).toEqual(['--self-test', '--interface', '--report']);
    expect(parseLaunchArguments(['--self-test', '--interface', 'Ethernet', '--report', 'r.txt'])).toMatchObject({ warnings: [] });
    expect(selfTest.run).toContain('$app.ExitCode -ne 0');
    const upload = step(windows, /^Upload the self-test report/);
    expect(upload.if).toBe('always()');
    expect(upload.with?.path).toBe('self-test-report.txt');
    expect(selfTest.run).toContain("Join-Path $pwd 'self-test-report.txt'");
  });
});
