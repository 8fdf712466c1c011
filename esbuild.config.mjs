// Bundles the Node side: the Electron main process, the sandboxed preload (which may
// only require 'electron', so everything else is inlined) and the `npm start` launcher.
// The Electronegativity runner imports the same bundles and options to scan them.
import { build } from 'esbuild';
import { resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

export const NODE_BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // koffi loads its native binary at run time; electron is provided by the runtime.
  external: ['electron', 'koffi'],
};

/** Entry point and bundle name under dist/main/. */
export const NODE_BUNDLES = [
  ['main/electron/electron-main.ts', 'electron-main'],
  ['main/preload/preload.ts', 'preload'],
  ['main/launcher.ts', 'launcher'],
];

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await Promise.all(
    NODE_BUNDLES.map(([entry, name]) => build({ ...NODE_BUNDLE_OPTIONS, entryPoints: [entry], outfile: `dist/main/${name}.cjs` })),
  );
}
