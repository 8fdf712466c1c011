/**
 * The preload runs in every page load of the window: it carries channel names only
 * (app/ipc-channels.ts), never zod or the contract's schemas. Its size is in `npm run bench`.
 */
import { build } from 'esbuild';
import { join } from 'node:path';

it('bundles the preload from channel names alone: no package and no schema module', async () => {
  const result = await build({
    absWorkingDir: join(__dirname, '..', '..'),
    entryPoints: ['main/preload/preload.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['electron'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  expect(Object.keys(result.metafile.inputs).sort()).toEqual(['app/ipc-channels.ts', 'main/preload/preload.ts']);
});
