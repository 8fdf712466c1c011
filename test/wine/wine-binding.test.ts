/**
 * The real Windows binding under Wine: the Windows build of Node loads koffi's
 * win32-x64 binary, and the backend, every call on a worker thread, lists interfaces from
 * Wine's iphlpapi.dll (loaded from System32 by full path), which reads the Linux host's own.
 * Those must match what iproute2 says, names, MACs, MTU, state and IP stacks alike, in one
 * snapshot as in separate calls; the anycast functions Wine 8 does not export must come back
 * as "API unavailable" (ERROR_PROC_NOT_FOUND), not as a crash; and watching for interface
 * changes must start and stop cleanly. Where Wine lacks the anycast functions, the C test
 * library built as a Windows DLL stands in, so that the row GetAnycastIpAddressEntry fills
 * in (in/out) is shown to come back from the worker thread in the Windows build too.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ERROR_PROC_NOT_FOUND } from '../../app/win32-errors';
import { makeLuid } from '../../main/backends/simulated/seed';
import { buildWindowsLibrary } from '../ffi/native-build';
import { readHostInterfaces, type HostInterface } from './host-interfaces';
import type { ProbeResult } from './probe';
import { bundleProbe } from './probe-bundle';
import { prepareWineEnv } from './wine-env';
import { runNodeUnderWine, toWindowsPath } from './wine-run';

// Measured: ~13 s cold (downloading Node, 34 MB, and creating the prefix) and ~2 s warm.
// The bounds leave room for a slow download or a loaded CI machine, and stop a hang.
const SETUP_TIMEOUT_MS = 5 * 60_000;
const PROBE_TIMEOUT_MS = 2 * 60_000;

const MINGW = 'x86_64-w64-mingw32-gcc';
const missingTools = ['wine', 'ip', MINGW].filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status !== 0);
// CI must prove the binding, so there a missing tool fails the suite instead of skipping it.
const required = Boolean(process.env.CI) && process.env.CI !== 'false';
if (missingTools.length > 0 && !required) {
  console.warn(
    `Skipping the Wine binding test: ${missingTools.join(' and ')} not installed (apt-get install wine wine64 iproute2 gcc-mingw-w64-x86-64).`,
  );
}

/** IANA ifType Wine's nsiproxy.sys gives the common Linux link types (71 for wireless Ethernet). */
const IF_TYPES_BY_LINK_TYPE: Readonly<Record<string, number[]>> = { loopback: [24], ether: [6, 71] };

describe.skipIf(missingTools.length > 0 && !required)('the Windows binding under Wine', () => {
  let result: ProbeResult;
  let host: HostInterface[];

  beforeAll(async () => {
    if (missingTools.length > 0) throw new Error(`CI is set but ${missingTools.join(' and ')} is not installed.`);
    const wine = await prepareWineEnv();
    const script = path.join(wine.runDir, 'probe.cjs');
    const output = path.join(wine.runDir, 'result.json');
    await bundleProbe(script);
    const testLibrary = buildWindowsLibrary(MINGW, 'fake-iphlpapi.c');
    const run = await runNodeUnderWine(wine, script, [toWindowsPath(output), toWindowsPath(testLibrary)], PROBE_TIMEOUT_MS);
    // Every call, the missing anycast ones included, must return rather than crash node.exe.
    expect(run.timedOut, 'the probe hung').toBe(false);
    expect(run.exitCode, `the probe crashed:\n${run.stderr}`).toBe(0);
    result = JSON.parse(fs.readFileSync(output, 'utf8')) as ProbeResult;
    host = readHostInterfaces();
  }, SETUP_TIMEOUT_MS);

  it('lists exactly the host interfaces, with their index, MAC, MTU and state', () => {
    expect(result.interfaces.ok, JSON.stringify(result.interfaces)).toBe(true);
    const listed = result.interfaces.ok ? result.interfaces.value : [];
    expect(listed.map((iface) => iface.alias).sort()).toEqual(host.map((iface) => iface.name).sort());
    for (const expected of host) {
      const iface = listed.find((candidate) => candidate.alias === expected.name)!;
      // Wine has no friendly names: alias and description are both the Linux name.
      expect(iface.description).toBe(expected.name);
      // Wine keeps the Linux ifindex and builds the LUID from it: IfType in bits 48-63, index in 24-47.
      expect(iface.index).toBe(expected.index);
      expect(iface.luid).toBe(((BigInt(iface.type) << 48n) | (BigInt(expected.index) << 24n)).toString());
      const types = IF_TYPES_BY_LINK_TYPE[expected.linkType];
      if (types) expect(types).toContain(iface.type);
      expect(iface.mac).toBe(expected.mac);
      expect(iface.mtu).toBe(expected.mtu);
      // Wine derives OperStatus from IFF_UP alone, not from the carrier.
      expect(iface.operStatus).toBe(expected.up ? 'up' : 'down');
    }
  });

  it('reports IPv4 and IPv6 on exactly the interfaces with an address of that family on the host', () => {
    // Wine 8's GetIpInterfaceTable is a stub answering ERROR_NOT_SUPPORTED for both families, so
    // the binding takes the stacks from GetUnicastIpAddressTable. Under Wine that table holds every
    // address `ip addr` shows, of every scope: on the host this was written on, 127.0.0.1 and ::1
    // on lo, and 192.0.2.2, fd00::2 and the link-local fe80::fc:ff:fe00:1 (ScopeId 4, eth0's index)
    // on eth0, and nothing for the address-less ifb0 and ifb1. So each interface's flags are its
    // host address families, exactly, and the machine has a stack if any interface has one.
    expect(host.some((iface) => iface.ipv4), 'the host has no IPv4 address, so the comparison would prove nothing').toBe(true);
    const listed = result.interfaces.ok ? result.interfaces.value : [];
    const listedStacks = Object.fromEntries(listed.map((i) => [i.alias, { ipv4: i.ipv4, ipv6: i.ipv6 }]));
    const hostStacks = Object.fromEntries(host.map((i) => [i.name, { ipv4: i.ipv4, ipv6: i.ipv6 }]));
    expect(listedStacks).toEqual(hostStacks);
    expect(result.status).toMatchObject({
      ipv4Stack: host.some((iface) => iface.ipv4),
      ipv6Stack: host.some((iface) => iface.ipv6),
    });
  });

  it('answers one snapshot as it answers status, listInterfaces and listAnycast one by one', () => {
    expect(result.snapshot).toEqual({ status: result.status, interfaces: result.interfaces, entries: result.anycast });
  });

  it('brings the row read back (in/out), the tables and the converted ids back from the worker threads', () => {
    const probe = result.overTestLibrary;
    const ethernet = { interfaceLuid: makeLuid(6, 1).toString(), interfaceIndex: 12 };
    const entry = { address: 'fe80::48', family: 'ipv6', ...ethernet, scopeId: 12 };
    expect(probe.status).toMatchObject({ elevated: true, anycastApi: true, ipv4Stack: true, ipv6Stack: true });
    expect(probe.create).toEqual({ ok: true, value: { readBack: 'ok', entry } });
    expect(probe.sparseList).toEqual({ ok: true, value: [entry] });
    expect(probe.sparseGet).toEqual({ ok: true, value: entry });
    expect(probe.snapshot.entries).toEqual({ ok: true, value: [entry] });
    expect(probe.snapshot.interfaces.ok && probe.snapshot.interfaces.value.map((i) => i.alias)).toContain('Ethernet');
    expect(probe.snapshotTableReads).toBe(3);
    expect(probe.delete).toEqual({ ok: true, value: null });
    expect([probe.outstandingTables, probe.outstandingSids]).toEqual([0, 0]);
  });

  it('reports the anycast API as unavailable, and each anycast call as ERROR_PROC_NOT_FOUND', () => {
    expect(result.status.anycastApi).toBe(false);
    // Without the API there is no table to read: an empty list, with status saying why.
    expect(result.anycast).toEqual({ ok: true, value: [] });
    expect(result.create).toEqual({ ok: false, code: ERROR_PROC_NOT_FOUND });
    expect(result.get).toEqual({ ok: false, code: ERROR_PROC_NOT_FOUND });
    expect(result.delete).toEqual({ ok: false, code: ERROR_PROC_NOT_FOUND });
  });

  it("gets system message text from Wine's kernel32", () => {
    // The prefix runs with LC_ALL=C.UTF-8, so the text is Wine's English one.
    expect(result.procNotFoundMessage).toMatch(/procedure not found/i);
  });

  it('loads the DLLs from the System32 folder Windows reports', () => {
    // The backend loaded (every result above) from "<GetSystemDirectoryW>\<name>.dll", not by bare name.
    expect(result.systemDirectory).toMatch(/^C:\\windows\\system32$/i);
  });

  it("subscribes through Wine's NotifyIpInterfaceChange and cancels on a worker thread", () => {
    // Wine 8's NotifyIpInterfaceChange is a stub (NO_ERROR, a NULL handle, no callbacks): the binding
    // holds a callback slot once it is accepted, and frees it only when CancelMibChangeNotify2 returned NO_ERROR.
    const { slotsBefore, slotsWhileWatching, slotsAfterCancel } = result.watch;
    expect(slotsWhileWatching).toBe(slotsBefore + 1);
    expect(slotsAfterCancel).toBe(slotsBefore);
  });

  it("hears interface changes from the C test library's own Windows thread, and none once it stopped", () => {
    const probe = result.overTestLibrary;
    expect(probe.notificationsWhileWatching).toBeGreaterThan(0);
    expect(probe.notificationsAfterStop).toBe(0);
    expect(probe.activeNotificationsAfterStop).toBe(0);
  });
});
