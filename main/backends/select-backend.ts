/**
 * Which backend is live: Windows' own API on Windows, the simulated computer
 * everywhere else or when --demo asks for it.
 */
import type { SystemStatus } from '../../app/model';
import type { LaunchOptions } from '../launch-options';
import type { AnycastBackend } from './backend';
import { BackendLoadError } from './backend-load-error';
import { createSimulatedBackend } from './simulated/create-simulated';
import type { SlowCallLog } from './windows/native-call';

export interface SelectedBackend {
  backend: AnycastBackend;
  simulatedReason: SystemStatus['simulatedReason'];
}

/** Throws a BackendLoadError when the Windows backend cannot start; `onSlowCall` hears of its slow calls. */
export async function selectBackend(platform: NodeJS.Platform, options: LaunchOptions, onSlowCall?: SlowCallLog): Promise<SelectedBackend> {
  if (options.demo) return { backend: createSimulatedBackend(options), simulatedReason: 'demo-flag' };
  if (platform !== 'win32') return { backend: createSimulatedBackend(options), simulatedReason: 'not-windows' };
  let windows: typeof import('./windows/windows-backend');
  try {
    // Loading the module loads koffi and its native binary.
    windows = await import('./windows/windows-backend');
  } catch (fault) {
    throw new BackendLoadError('ffi', 'koffi', fault);
  }
  return { backend: windows.createWindowsBackend(undefined, { onSlowCall }), simulatedReason: null };
}
