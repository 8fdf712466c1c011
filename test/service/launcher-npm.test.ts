// `npm start --large` against `npm start -- --large`, through real npm: a scratch package whose
// start script runs the built launcher, so npm sets what it sets, and the preview is asked how
// many interfaces it has (200 on the large machine, 6 on the normal one).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LAUNCHER = fileURLToPath(new URL('../../dist/main/launcher.cjs', import.meta.url));
const built = existsSync(LAUNCHER);

interface Started {
  interfaces: number;
  output: string;
}

let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'anycast-npm-start-'));
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', private: true, scripts: { start: `node ${JSON.stringify(LAUNCHER)}` } }));
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs `npm start <args>` until the preview prints its address, asks it for the interfaces, and stops it. */
function npmStart(args: string[]): Promise<Started> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['start', ...args], { cwd: scratch, detached: true, stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    let output = '';
    let settled = false;
    const stop = () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // Already gone.
      }
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /http:\/\/127\.0\.0\.1:(\d+)\/#token=([\w-]+)/.exec(output);
      if (!found || settled) return;
      settled = true;
      const origin = `http://127.0.0.1:${found[1]}`;
      fetch(`${origin}/api/listInterfaces`, { method: 'POST', headers: { origin, 'content-type': 'application/json', 'x-anycast-token': found[2]! }, body: '{}' })
        .then((response) => response.json() as Promise<{ ok: boolean; value: unknown[] }>)
        .then((reply) => resolve({ interfaces: reply.ok ? reply.value.length : -1, output }), reject)
        .finally(stop);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      if (!settled) reject(new Error(`npm start ${args.join(' ')} ended (${code}) before printing an address:\n${output}`));
    });
  });
}

describe.runIf(built || process.env.CI)('npm start and its switches', () => {
  it('npm start -- --large starts the large machine', async () => {
    const started = await npmStart(['--', '--large']);
    expect(started.interfaces).toBe(200);
    expect(started.output).not.toContain('npm took');
  });

  it('npm start --large, which npm keeps for itself, still starts it, and names the right form', async () => {
    const started = await npmStart(['--large']);
    expect(started.interfaces).toBe(200);
    expect(started.output).toContain('Note: npm took --large as its own setting');
    expect(started.output).toContain('`npm start -- --large`');
  });

  it('plain npm start starts the normal machine', async () => {
    expect((await npmStart([])).interfaces).toBe(6);
  });
});

if (!built && !process.env.CI) {
  it.skip('npm start and its switches: needs the build (run `npm run build`; npm test does)', () => undefined);
}
