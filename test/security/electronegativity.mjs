/**
 * Runs Electronegativity over the app and fails on any finding the policy in
 * electronegativity.config.mjs does not accept, or on any file it could not parse.
 *
 *   node test/security/electronegativity.mjs            main/, renderer/ and package.json
 *   node test/security/electronegativity.mjs --dist     the same, plus the build in dist/ (run the build first)
 *   node test/security/electronegativity.mjs --input D  only folder D, as it is (the runner's own test uses this)
 *
 * The tool's CLI always exits 0, so this uses its programmatic API. It works offline:
 * its two downloads (translations, Electron's release list) are answered "no
 * connectivity" at once, which it handles, instead of hanging on a closed network.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import process from 'node:process';
import { acceptedFindings, excludedChecks } from './electronegativity.config.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const require = createRequire(join(root, 'package.json'));
const SCANNED = new Set(['.js', '.jsx', '.ts', '.tsx', '.html', '.htm']);

const say = (line) => process.stdout.write(`${line}\n`);

function blockNetwork() {
  const tool = createRequire(require.resolve('@doyensec/electronegativity'));
  const gotPath = tool.resolve('got');
  const offline = () => Promise.reject(new Error('offline: electronegativity runs without network here'));
  offline.head = offline;
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.loaded = true;
  stub.exports = offline;
  require.cache[gotPath] = stub;
}

/** A folder with the files to scan; .cjs bundles renamed .js, the only way the tool reads them. */
function stage(withDist) {
  const dir = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  for (const part of ['main', 'renderer', 'package.json']) cpSync(join(root, part), join(dir, part), { recursive: true });
  if (withDist) {
    const dist = join(root, 'dist');
    if (!existsSync(join(dist, 'main', 'electron-main.cjs'))) throw new Error('--dist: no build in dist/; run `npm run build` first.');
    cpSync(join(dist, 'renderer'), join(dir, 'dist', 'renderer'), { recursive: true });
    for (const name of readdirSync(join(dist, 'main')).filter((n) => n.endsWith('.cjs'))) {
      cpSync(join(dist, 'main', name), join(dir, 'dist', 'main', name.replace(/\.cjs$/, '.js')));
    }
  }
  return dir;
}

function countScannable(dir) {
  return readdirSync(dir, { recursive: true }).filter((name) => SCANNED.has(extname(String(name)))).length;
}

/** The finding's fields as the policy names them. */
const facts = (issue) => ({ id: issue.id, file: issue.file, confidence: issue.confidence.name, sample: String(issue.sample ?? '').trim() });

const isAccepted = (issue) =>
  acceptedFindings.some(({ why: _why, ...match }) => Object.entries(match).every(([field, value]) => facts(issue)[field] === value));

async function main() {
  const args = process.argv.slice(2);
  const inputAt = args.indexOf('--input');
  const input = inputAt >= 0 ? resolve(args[inputAt + 1] ?? '') : stage(args.includes('--dist'));
  const files = countScannable(input);
  if (files === 0) throw new Error(`nothing to scan in ${input}`);

  blockNetwork();
  const run = require('@doyensec/electronegativity');
  const { issues, errors } = await run({
    input,
    isRelative: true,
    excludeFromScan: Object.keys(excludedChecks),
    electronVersionOverride: JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version,
  });
  if (inputAt < 0) rmSync(input, { recursive: true, force: true });

  const unparsed = errors.filter((e) => !e.tolerable);
  const findings = issues.filter((issue) => !isAccepted(issue));
  const accepted = issues.length - findings.length;
  for (const e of unparsed) say(`PARSE ERROR ${e.file}: ${e.message}`);
  for (const f of findings) {
    say(`${f.id} ${f.severity.name}|${f.confidence.name} ${f.file}:${f.location.line}:${f.location.column} ${f.description}`);
    if (f.sample) say(`    ${String(f.sample).slice(0, 200)}`);
  }
  say(
    `electronegativity: ${files} files, ${findings.length} findings, ${unparsed.length} parse errors, ` +
      `${accepted} accepted, ${Object.keys(excludedChecks).length} checks excluded (see electronegativity.config.mjs)`,
  );
  process.exitCode = findings.length > 0 || unparsed.length > 0 ? 1 : 0;
}

main().catch((fault) => {
  process.stderr.write(`electronegativity could not run: ${fault?.stack ?? fault}\n`);
  process.exitCode = 2;
});
