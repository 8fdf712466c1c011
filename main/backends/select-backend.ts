/**
 * Which backend is live: Windows' own API on Windows, the simulated computer
 * everywhere else or when --demo asks for it.
 */
import type { SystemStatus } from '../../app/model';
import type { LaunchOptions } from '../launch-options';
import type { AnycastBackend } from './backend';
import { createSimulatedBackend } from './simulated/create-simulated';

export interface SelectedBackend {
  backend: AnycastBackend;
  simulatedReason: SystemStatus['simulatedReason'];
}

export async function selectBackend(platform: NodeJS.Platform, options: LaunchOptions): Promise<SelectedBackend> {
  if (options.demo) return { backend: createSimulatedBackend(options), simulatedReason: 'demo-flag' };
  if (platform !== 'win32') return { backend: createSimulatedBackend(options), simulatedReason: 'not-windows' };
  const { createWindowsBackend } = await import('./windows/windows-backend');
  return { backend: createWindowsBackend(), simulatedReason: null };
}
