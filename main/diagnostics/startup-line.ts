/**
 * The first line of each run in the fault log: the app version, the Windows build and which
 * iphlpapi exports this system has, so a log sent from a machine that misbehaves says what
 * that machine can and cannot do before any fault is read.
 */
import os from 'node:os';
import { windowsBuild } from '../../app/self-test';
import type { SystemStatus } from '../../app/model';
import type { AnycastBackend } from '../backends/backend';

export interface StartupFacts {
  appVersion: string;
  backend: Pick<AnycastBackend, 'kind' | 'exports'>;
  simulatedReason: SystemStatus['simulatedReason'];
  /** The operating system as Node reports it; tests pass their own. */
  system?: { platform: string; release: string; version: string };
}

export function startupLine({ appVersion, backend, simulatedReason, system = currentSystem() }: StartupFacts): string {
  const build = system.platform === 'win32' ? windowsBuild(system.release) : null;
  const where =
    system.platform === 'win32' ? `Windows ${system.release}${build === null ? '' : ` (build ${build})`}, ${system.version}` : `${system.platform} ${system.release}`;
  const found = backend.exports.filter((e) => e.found).map((e) => e.name);
  const missing = backend.exports.filter((e) => !e.found).map((e) => e.name);
  const exports =
    backend.kind === 'simulated'
      ? `simulated computer (${simulatedReason ?? 'asked for'}), no system library loaded`
      : `iphlpapi exports found: ${found.join(', ') || 'none'}; missing: ${missing.join(', ') || 'none'}`;
  return `Anycast Manager ${appVersion} started on ${where}; ${exports}.`;
}

function currentSystem() {
  return { platform: process.platform, release: os.release(), version: os.version() };
}
