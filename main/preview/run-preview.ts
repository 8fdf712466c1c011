/** Starts the browser preview with the simulated backend; the Windows backend is never reachable from here. */
import type { LaunchOptions, SelfTestOptions } from '../launch-options';
import { runHeadlessSelfTest } from '../diagnostics/headless-self-test';
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
  const { dataDir, logFault, backend, service } = await previewService(options);
  const server = await startPreviewServer({ service, rendererDir, port: options.port, logFault });
  return { ...server, backend, dataDir };
}

/** `--self-test` without the Electron runtime: the simulated computer's report, in the preview's data folder; returns the exit code. */
export async function runPreviewSelfTest(options: LaunchOptions & { selfTest: SelfTestOptions }): Promise<number> {
  const { dataDir, service } = await previewService(options);
  console.log(`The self-test runs against the simulated computer (no Electron runtime here); its audit log is in ${dataDir}.`);
  return runHeadlessSelfTest(service, options.selfTest, (text) => console.log(text));
}

async function previewService(options: LaunchOptions) {
  const dataDir = options.dataDir === undefined ? await createRunFolder() : await useNamedFolder(options.dataDir);
  const logFault = faultReporter(openFaultLog(dataDir, { toConsole: true }));
  const backend = createSimulatedBackend(options);
  const service = new AnycastService(backend, {
    simulatedReason: 'preview',
    logFault,
    identity: currentIdentity(),
    files: appFilesIn(dataDir),
  });
  return { dataDir, logFault, backend, service };
}
