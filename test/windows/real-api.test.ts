/**
 * The conformance suite against the real IP Helper API. Opt-in, because it changes the
 * machine: on Windows, from an elevated prompt, with ANYCAST_TEST_INTERFACE set to the
 * alias or index of an interface the suite may add anycast entries to:
 *
 *   set ANYCAST_TEST_INTERFACE=Ethernet
 *   npm run test:windows
 *
 * Entries go only on that interface (other interfaces are only read) and every entry
 * a test adds is removed after it. Not part of the default run (vitest.config.ts does
 * not include test/windows/); vitest.windows.config.ts runs it.
 */
import { describeBackendConformance } from '../conformance/backend-conformance';
import { inCi } from '../ffi/native-build';
import { createWindowsBackend } from '../../main/backends/windows/windows-backend';
import { findTarget } from './target';

const target = await findTarget();

if ('skip' in target) {
  const message = `Real IP Helper API: ${target.skip}`;
  // Asked for explicitly in CI, a run that tests nothing must not pass.
  if (inCi()) throw new Error(message);
  console.warn(`[skipped] ${message}.`);
  describe.skip('Real IP Helper API: anycast API rules', () => {
    it(target.skip, () => {});
  });
} else {
  const { iface } = target;
  describeBackendConformance({
    name: `Real IP Helper API, writing to "${iface.alias}" (index ${iface.index})`,
    makeBackend: () => createWindowsBackend(),
    cannotProduce: {
      unelevated: 'the real API cannot take administrator rights away from this process on demand',
      noIpv4Stack: 'the real API cannot remove the IPv4 stack on demand',
      interfaceChange: 'changing a real interface would disturb the machine beyond the anycast entries',
    },
    writable: (i) => i.luid === iface.luid,
    realMachine: true,
  });
}
