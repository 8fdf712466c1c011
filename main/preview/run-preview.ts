/** Starts the browser preview with the simulated backend; the Windows backend is never reachable from here. */
import type { LaunchOptions } from '../launch-options';
import { createSimulatedBackend } from '../backends/simulated/create-simulated';
import { AnycastService } from '../service/anycast-service';
import { startPreviewServer, type PreviewServer } from './preview-server';

export async function runPreview(rendererDir: string, options: LaunchOptions): Promise<PreviewServer> {
  const logFault = (method: string, fault: unknown) => console.error(`[service] ${method} failed:`, fault);
  const service = new AnycastService(createSimulatedBackend(options), { simulatedReason: 'preview', logFault });
  return startPreviewServer({ service, rendererDir, port: options.port, logFault });
}
