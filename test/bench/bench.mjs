// `npm run bench`: bundles the TypeScript benchmark with esbuild (the project has no
// TypeScript runner for Node) and runs it. Packages stay external so koffi loads its
// native binary and Playwright its own files as usual; the bundle is written under
// node_modules/.cache so those imports resolve from the project's node_modules.
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..', '..');
const outdir = join(root, 'node_modules', '.cache', 'anycast-bench');

// A CommonJS bundle has no import.meta: give each file its own source URL instead, so paths
// the sources compute from it (test/native/, dist/renderer/) still point where they did.
const sourceImportMetaUrl = {
  name: 'source-import-meta-url',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /\.ts$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
      loader: 'ts',
    }));
  },
};

await build({
  absWorkingDir: root,
  entryPoints: {
    run: 'test/bench/run.ts',
    'footprint-child': 'test/bench/footprint-child.ts',
    'audit-page-child': 'test/bench/audit-page-child.ts',
    'import-child': 'test/bench/import-child.ts',
  },
  outdir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
  plugins: [sourceImportMetaUrl],
});

const children = ['footprint-child.cjs', 'audit-page-child.cjs', 'import-child.cjs'].map((name) => join(outdir, name));
const run = spawnSync(process.execPath, ['--enable-source-maps', join(outdir, 'run.cjs'), ...children], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
