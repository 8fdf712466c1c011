/**
 * The interface a Windows run may write to: ANYCAST_TEST_INTERFACE, by alias or index,
 * on an elevated Windows with the anycast API; otherwise why the run cannot go ahead.
 */
import type { NetworkInterface } from '../../app/model';
import { createWindowsBackend } from '../../main/backends/windows/windows-backend';

const named = process.env.ANYCAST_TEST_INTERFACE?.trim();

export async function findTarget(): Promise<{ iface: NetworkInterface; interfaces: NetworkInterface[] } | { skip: string }> {
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
    return { iface, interfaces: listed.value };
  } finally {
    backend.close();
  }
}
