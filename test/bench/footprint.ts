/**
 * 5. Footprint: the JavaScript the renderer loads before its first paint (what
 * dist/renderer/index.html references and what that imports statically, not lazy chunks),
 * raw and gzipped; and the main process's memory with the binding loaded and 10,000 rows
 * listed, measured in a fresh Node process so nothing else this run did is counted; and
 * the preload bundle's size.
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BENCH_INTERFACES, BENCH_ROWS } from './ffi-listing';
import type { Measurement } from './report';
import { formatBytes, formatCount } from './stats';

export const FOOTPRINT_SECTION = '5. Footprint';
const GOAL_GZIP_BYTES = 300_000;

const GOAL_PRELOAD_BYTES = 5_000;

/**
 * The preload, bundled minified as the build bundles it (only 'electron' left out): it runs
 * in every page load of the window, so it should carry channel names, not zod and schemas.
 */
export async function benchPreload(root: string): Promise<Measurement[]> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['main/preload/preload.ts'],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron'],
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'warning',
  });
  const bytes = result.outputFiles[0]!.contents.length;
  const inputs = Object.keys(result.metafile.inputs);
  const packages = [...new Set(inputs.flatMap((input) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? []))];
  return [
    {
      section: FOOTPRINT_SECTION,
      name: `preload bundle, minified (${inputs.length} module${inputs.length === 1 ? '' : 's'})`,
      value: formatBytes(bytes),
      baseline: packages.length === 0 ? 'no package bundled' : `bundles ${packages.join(', ')}`,
      ratio: '',
      goal: `< ${formatBytes(GOAL_PRELOAD_BYTES)}`,
      met: bytes < GOAL_PRELOAD_BYTES,
      data: { bytes, inputs, packages },
    },
  ];
}

export function benchInitialJs(rendererDir: string): Measurement[] {
  const files = initialScripts(rendererDir);
  const contents = files.map((file) => readFileSync(file));
  const raw = contents.reduce((sum, c) => sum + c.length, 0);
  // Each file is served and compressed on its own; zlib's default level, as servers commonly use.
  const gzip = contents.reduce((sum, c) => sum + gzipSync(c).length, 0);
  return [
    {
      section: FOOTPRINT_SECTION,
      name: `initial renderer JS, gzip (${files.length} file${files.length === 1 ? '' : 's'})`,
      value: formatBytes(gzip),
      baseline: `raw ${formatBytes(raw)}`,
      ratio: '',
      goal: `<= ${formatBytes(GOAL_GZIP_BYTES)} gzip`,
      met: gzip <= GOAL_GZIP_BYTES,
      data: { files: files.map((f) => relative(rendererDir, f)), rawBytes: raw, gzipBytes: gzip },
    },
  ];
}

/**
 * The module scripts and modulepreloads in index.html, then every module they import
 * statically, transitively. import("./x.js") loads a lazy chunk later and is not counted.
 */
function initialScripts(rendererDir: string): string[] {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<(?:script\b[^>]*\bsrc|link\b[^>]*\brel=["']?modulepreload["']?[^>]*\bhref)=["']?([^"'\s>]+)/g)]
    .map((m) => m[1]!)
    .filter((src) => src.endsWith('.js') && !/^[a-z]+:/i.test(src));
  const seen = new Set<string>();
  const pending = entries.map((src) => resolve(rendererDir, src));
  while (pending.length) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of staticImports(readFileSync(file, 'utf8'))) {
      const imported = resolve(dirname(file), specifier);
      if (existsSync(imported)) pending.push(imported);
    }
  }
  if (seen.size === 0) throw new Error('dist/renderer/index.html references no JavaScript');
  return [...seen];
}

/** Relative specifiers of `import ... from "./x.js"`, `import "./x.js"` and `export ... from "./x.js"`, minified or not. */
function staticImports(code: string): string[] {
  return [...code.matchAll(/\b(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'](\.\.?\/[^"']+)["']/g)].map((m) => m[1]!);
}

interface ChildMemory {
  before: NodeJS.MemoryUsage;
  after: NodeJS.MemoryUsage;
  listed: number;
}

export function benchMainMemory(childScript: string, libraryPath: string): Measurement[] {
  const child = spawnSync(process.execPath, ['--expose-gc', childScript, libraryPath, String(BENCH_INTERFACES), String(BENCH_ROWS)], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (child.status !== 0) throw new Error(`the memory probe failed: ${child.stderr || child.error?.message}`);
  const { before, after, listed } = JSON.parse(child.stdout) as ChildMemory;
  if (listed !== BENCH_ROWS) throw new Error(`the memory probe listed ${listed} rows, not ${BENCH_ROWS}`);
  return [
    memory('main process RSS, fresh Node', before.rss, undefined, { before }),
    memory(`main process RSS, binding + ${formatCount(BENCH_ROWS)} rows listed`, after.rss, before.rss, { after }),
    memory('  JS heap used, same probe', after.heapUsed, before.heapUsed, {}),
  ];
}

function memory(name: string, bytes: number, freshBytes: number | undefined, data: Record<string, unknown>): Measurement {
  return {
    section: FOOTPRINT_SECTION,
    name,
    value: formatBytes(bytes),
    baseline: freshBytes === undefined ? '' : `fresh Node ${formatBytes(freshBytes)}`,
    ratio: freshBytes === undefined ? '' : `+${formatBytes(bytes - freshBytes)}`,
    goal: '',
    data: { bytes, freshBytes, ...data },
  };
}
