/**
 * Runs Electronegativity over the app and fails on any finding the policy in
 * electronegativity.config.mjs does not accept, or on any file it could not parse.
 *
 *   node test/security/electronegativity.mjs            main/, renderer/, package.json and the build in dist/
 *                                                       (run `npm run build` first; npm test does)
 *   node test/security/electronegativity.mjs --root P   the same for the project in folder P (the runner's own test)
 *   node test/security/electronegativity.mjs --input D  only folder D, as it is (the runner's own test uses this)
 *
 * The tool reads only .js-like names, so the main-process bundles (.cjs) are scanned as
 * copies named .js. Its window checks look for `new BrowserWindow(...)`, which a CommonJS
 * bundle writes as `new import_electron.BrowserWindow(...)`, so the same entry points are
 * also bundled as ES modules, with the same options, where the name stays as written.
 *
 * The tool's CLI always exits 0, so this uses its programmatic API. It works offline:
 * its two downloads (translations, Electron's release list) are answered "no
 * connectivity" at once, which it handles, instead of hanging on a closed network.
 */
import { build } from 'esbuild';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import process from 'node:process';
import { NODE_BUNDLE_OPTIONS, NODE_BUNDLES } from '../../esbuild.config.mjs';
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

/** Where the ES-module copies of the main-process bundles go in the scanned folder. */
const ESM_BUNDLES = join('dist', 'main-esm');

/**
 * A folder with the project's files to scan: the sources, the renderer build, the main-process
 * bundles as built (.cjs renamed .js, the only way the tool reads them) and as ES modules.
 */
async function stage(project) {
  const dir = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  for (const part of ['main', 'renderer', 'package.json']) cpSync(join(project, part), join(dir, part), { recursive: true });
  const dist = join(project, 'dist');
  const names = NODE_BUNDLES.map(([, name]) => name);
  const missing = names.filter((name) => !existsSync(join(dist, 'main', `${name}.cjs`)));
  if (missing.length > 0) throw new Error(`no build in ${dist} (${missing.map((n) => `${n}.cjs`).join(', ')} missing); run \`npm run build\` first.`);
  cpSync(join(dist, 'renderer'), join(dir, 'dist', 'renderer'), { recursive: true });
  for (const name of names) cpSync(join(dist, 'main', `${name}.cjs`), join(dir, 'dist', 'main', `${name}.js`));
  await Promise.all(
    NODE_BUNDLES.map(([entry, name]) =>
      build({ ...NODE_BUNDLE_OPTIONS, absWorkingDir: project, entryPoints: [entry], format: 'esm', sourcemap: false, outfile: join(dir, ESM_BUNDLES, `${name}.js`) }),
    ),
  );
  return { dir, bundles: names };
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
  const rootAt = args.indexOf('--root');
  const staged = inputAt >= 0 ? undefined : await stage(rootAt >= 0 ? resolve(args[rootAt + 1] ?? '') : root);
  const input = staged?.dir ?? resolve(args[inputAt + 1] ?? '');
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
  if (staged) rmSync(input, { recursive: true, force: true });

  const unparsed = errors.filter((e) => !e.tolerable);
  const findings = issues.filter((issue) => !isAccepted(issue));
  const accepted = issues.length - findings.length;
  for (const e of unparsed) say(`PARSE ERROR ${e.file}: ${e.message}`);
  for (const f of findings) {
    say(`${f.id} ${f.severity.name}|${f.confidence.name} ${f.file}:${f.location.line}:${f.location.column} ${f.description}`);
    if (f.sample) say(`    ${String(f.sample).slice(0, 200)}`);
  }
  const scannedBundles = staged
    ? ` (with the main-process bundles ${staged.bundles.map((name) => `${name}.cjs`).join(', ')}, as built and as ES modules)`
    : '';
  say(
    `electronegativity: ${files} files${scannedBundles}, ${findings.length} findings, ${unparsed.length} parse errors, ` +
      `${accepted} accepted, ${Object.keys(excludedChecks).length} checks excluded (see electronegativity.config.mjs)`,
  );
  process.exitCode = findings.length > 0 || unparsed.length > 0 ? 1 : 0;
}

main().catch((fault) => {
  process.stderr.write(`electronegativity could not run: ${fault?.stack ?? fault}\n`);
  process.exitCode = 2;
});
