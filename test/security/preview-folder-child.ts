/**
 * Child process of the preview data folder test: starts a preview as whichever user runs it,
 * prints its data folder (or why the folder was refused) as one JSON line, and stops.
 * Bundled with esbuild at test time.
 */
import { parseLaunchOptions } from '../../main/launch-options';
import { runPreview } from '../../main/preview/run-preview';

const [rendererDir = '', ...args] = process.argv.slice(2);

runPreview(rendererDir, parseLaunchOptions(['--preview', ...args])).then(
  async (preview) => {
    console.log(JSON.stringify({ dataDir: preview.dataDir }));
    await preview.close();
    process.exit(0);
  },
  (fault: unknown) => {
    console.log(JSON.stringify({ refused: fault instanceof Error ? fault.message : String(fault) }));
    process.exit(0);
  },
);
