/** Starts the browser preview with the simulated backend; the Windows backend is never reachable from here. */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LaunchOptions } from '../launch-options';
import { createSimulatedBackend } from '../backends/simulated/create-simulated';
import type { SimulatedBackend } from '../backends/simulated/simulated-backend';
import { AnycastService } from '../service/anycast-service';
import { appFilesIn } from '../service/app-files';
import { currentIdentity } from '../service/identity';
import { faultReporter, openFaultLog } from '../diagnostics/fault-log';
import { startPreviewServer, type PreviewServer } from './preview-server';

/** The preview's audit trail, saved set and fault log live apart from the app's own data folder. */
export const DEFAULT_PREVIEW_DATA_DIR = join(tmpdir(), 'anycast-manager-preview');

export interface RunningPreview extends PreviewServer {
  /** The simulated computer, so a demo script or a test can change its interfaces. */
  backend: SimulatedBackend;
}

export async function runPreview(
  rendererDir: string,
  options: LaunchOptions,
  dataDir: string = DEFAULT_PREVIEW_DATA_DIR,
): Promise<RunningPreview> {
  const logFault = faultReporter(openFaultLog(dataDir, { toConsole: true }));
  const backend = createSimulatedBackend(options);
  const service = new AnycastService(backend, {
    simulatedReason: 'preview',
    logFault,
    identity: currentIdentity(),
    files: appFilesIn(dataDir),
  });
  const server = await startPreviewServer({ service, rendererDir, port: options.port, logFault });
  return { ...server, backend };
}
