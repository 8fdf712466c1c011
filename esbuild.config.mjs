// Bundles the Node side: the Electron main process, the sandboxed preload (which may
// only require 'electron', so everything else is inlined) and the `npm start` launcher.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // koffi loads its native binary at run time; electron is provided by the runtime.
  external: ['electron', 'koffi'],
};

await Promise.all([
  build({ ...common, entryPoints: ['main/electron/electron-main.ts'], outfile: 'dist/main/electron-main.cjs' }),
  build({ ...common, entryPoints: ['main/preload/preload.ts'], outfile: 'dist/main/preload.cjs' }),
  build({ ...common, entryPoints: ['main/launcher.ts'], outfile: 'dist/main/launcher.cjs' }),
]);
