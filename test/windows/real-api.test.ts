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
import type { NetworkInterface } from '../../app/model';

const named = process.env.ANYCAST_TEST_INTERFACE?.trim();
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

async function findTarget(): Promise<{ iface: NetworkInterface } | { skip: string }> {
  if (process.platform !== 'win32') return { skip: `the real API exists only on Windows (this is ${process.platform})` };
  if (!named) return { skip: 'set ANYCAST_TEST_INTERFACE to the alias or index of an interface the suite may add entries to' };
  const backend = createWindowsBackend();
  try {
    const status = await backend.status();
    if (!status.elevated) return { skip: 'run from an elevated prompt ("Run as administrator"): anycast writes need it' };
    if (!status.anycastApi) throw new Error('iphlpapi.dll lacks the anycast functions on this system');
    const listed = await backend.listInterfaces();
    if (!listed.ok) throw new Error(`listInterfaces failed with Win32 code ${listed.code}`);
    const iface = listed.value.find((i) => i.alias === named || String(i.index) === named);
    if (!iface) {
      const known = listed.value.map((i) => `"${i.alias}" (${i.index})`).join(', ');
      // A typo must not pass as a skip: the person asked for this run.
      throw new Error(`ANYCAST_TEST_INTERFACE="${named}" names no interface; there are ${known}`);
    }
    return { iface };
  } finally {
    backend.close();
  }
}
