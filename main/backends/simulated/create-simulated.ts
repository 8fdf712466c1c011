/** The simulated backend as the launch switches describe it. */
import type { LaunchOptions } from '../../launch-options';
import { SimulatedBackend } from './simulated-backend';

export const LARGE_INTERFACES = 200;
export const LARGE_ENTRIES = 10_000;

export function createSimulatedBackend(options: Pick<LaunchOptions, 'simulateUnelevated' | 'large'>): SimulatedBackend {
  const elevated = !options.simulateUnelevated;
  return options.large
    ? SimulatedBackend.large(LARGE_INTERFACES, LARGE_ENTRIES, { elevated })
    : new SimulatedBackend({ elevated });
}
