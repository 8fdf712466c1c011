/** Starts the browser preview with the simulated backend; the Windows backend is never reachable from here. */
import type { LaunchOptions } from '../launch-options';
import { createSimulatedBackend } from '../backends/simulated/create-simulated';
import type { SimulatedBackend } from '../backends/simulated/simulated-backend';
import { AnycastService } from '../service/anycast-service';
import { appFilesIn } from '../service/app-files';
import { currentIdentity } from '../service/identity';
import { faultReporter, openFaultLog } from '../diagnostics/fault-log';
import { createRunFolder, useNamedFolder } from './data-folder';
import { startPreviewServer, type PreviewServer } from './preview-server';

export interface RunningPreview extends PreviewServer {
  /** The simulated computer, so a demo script or a test can change its interfaces. */
  backend: SimulatedBackend;
  /** Where this run keeps its audit trail, saved set and fault log, apart from the app's own data folder. */
  dataDir: string;
}

export async function runPreview(rendererDir: string, options: LaunchOptions): Promise<RunningPreview> {
  const dataDir = options.dataDir === undefined ? await createRunFolder() : await useNamedFolder(options.dataDir);
  const logFault = faultReporter(openFaultLog(dataDir, { toConsole: true }));
  const backend = createSimulatedBackend(options);
  const service = new AnycastService(backend, {
    simulatedReason: 'preview',
    logFault,
    identity: currentIdentity(),
    files: appFilesIn(dataDir),
  });
  const server = await startPreviewServer({ service, rendererDir, port: options.port, logFault });
  return { ...server, backend, dataDir };
}
