/**
 * Bundles a probe (probe.ts unless named) and the backend code it imports into one CommonJS file the
 * Windows Node can run. koffi stays external: it must resolve to the copy with
 * the win32-x64 binary beside the bundle, not be inlined from the Linux install.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

/** `entry`: a probe script beside this file. */
export async function bundleProbe(outfile: string, entry = './probe.ts'): Promise<void> {
  await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['koffi'],
    logLevel: 'silent',
  });
}
