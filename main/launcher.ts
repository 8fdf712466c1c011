/**
 * `npm start`: the Electron app where the Electron runtime is installed, and
 * otherwise, said plainly, the browser preview with the simulated backend.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseLaunchArguments, switchesFromNpmConfig } from './launch-options';
import { DataFolderRefused } from './preview/data-folder';
import { runPreview, runPreviewSelfTest } from './preview/run-preview';

const appRoot = join(__dirname, '..', '..');
const fromNpm = switchesFromNpmConfig(process.env);
if (fromNpm.note) console.warn(`Note: ${fromNpm.note}`);
const args = [...fromNpm.args, ...process.argv.slice(2)];
const { options, warnings } = parseLaunchArguments(args);
for (const warning of warnings) console.warn(`Note: ${warning}`);

/** The electron package exports the runtime's path, and throws when its download never happened. */
function electronRuntime(): string | undefined {
  try {
    const path: unknown = require('electron');
    return typeof path === 'string' ? path : undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const electron = options.preview ? undefined : electronRuntime();
  if (electron) {
    if (options.dataDir !== undefined) console.warn('Note: --data-dir is for the browser preview; the app keeps its records in its own data folder.');
    const child = spawn(electron, [appRoot, ...args], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  if (options.selfTest) {
    process.exit(await runPreviewSelfTest({ ...options, selfTest: options.selfTest }));
  }
  if (!options.preview) {
    console.log(
      'The Electron runtime is not installed here (it is downloaded by `npm ci` where the network allows,\n' +
        'and was skipped with ELECTRON_SKIP_BINARY_DOWNLOAD=1). Starting the browser preview instead:\n' +
        'the same interface and the same main-process service, with the simulated backend.',
    );
  }
  const server = await runPreview(join(appRoot, 'dist', 'renderer'), options);
  console.log(
    `\nAnycast Manager preview: ${server.openUrl}\n` +
      'Open this address, all of it, in a browser on this computer: the part after # is the key to this preview,\n' +
      'for you alone. Press Ctrl+C to stop.',
  );
  console.log(`Its audit log and saved set are in ${server.dataDir}${options.dataDir === undefined ? ' (this run only; --data-dir=PATH keeps them across runs)' : ''}.`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((fault: unknown) => {
  // A refused data folder is the person's to fix, and its message says how: no stack trace.
  if (fault instanceof DataFolderRefused) console.error(fault.message);
  else console.error('Anycast Manager could not start:', fault);
  process.exit(1);
});
