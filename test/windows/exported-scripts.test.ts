/**
 * The exported PowerShell and netsh scripts, run for real on Windows (opt-in, elevated,
 * like real-api.test.ts): each format and each store, made by app/script-export.ts for
 * documentation addresses on ANYCAST_TEST_INTERFACE, then checked with Get-NetIPAddress in
 * the active and the persistent store, and removed from both whatever happened.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnycastEntry, NetworkInterface } from '../../app/model';
import { netshScript, powerShellScript, type PolicyStore } from '../../app/script-export';
import { inCi } from '../ffi/native-build';
import { findTarget } from './target';

const target = await findTarget();
const dir = mkdtempSync(join(tmpdir(), 'anycast-scripts-'));

/** Runs a PowerShell command and returns its standard output. */
function powershell(command: string): string {
  return execFileSync('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', command], { encoding: 'utf8' });
}

/** The anycast addresses Get-NetIPAddress lists on the interface in one store, zones stripped. */
function listed(iface: NetworkInterface, store: PolicyStore): string[] {
  const output = powershell(
    `@(Get-NetIPAddress -Type Anycast -InterfaceIndex ${iface.index} -PolicyStore ${store === 'active' ? 'ActiveStore' : 'PersistentStore'} -ErrorAction SilentlyContinue | ForEach-Object { $_.IPAddress -replace '%.*$' }) | ConvertTo-Json -Compress`,
  ).trim();
  return output === '' ? [] : ([] as string[]).concat(JSON.parse(output) as string | string[]);
}

/** Removes the addresses from both stores; an address that is not there is no error here. */
function removeEverywhere(iface: NetworkInterface, addresses: readonly string[]): void {
  for (const address of addresses) {
    for (const store of ['ActiveStore', 'PersistentStore']) {
      powershell(`Remove-NetIPAddress -IPAddress '${address}' -InterfaceIndex ${iface.index} -PolicyStore ${store} -Confirm:$false -ErrorAction SilentlyContinue`);
    }
  }
}

function run(format: 'powershell' | 'netsh', file: string) {
  return format === 'powershell'
    ? spawnSync('powershell.exe', ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', file], { encoding: 'utf8' })
    : spawnSync('cmd.exe', ['/d', '/c', file], { encoding: 'utf8' });
}

if ('skip' in target) {
  const message = `Exported scripts on Windows: ${target.skip}`;
  if (inCi()) throw new Error(message);
  console.warn(`[skipped] ${message}.`);
  describe.skip('Exported scripts on Windows', () => {
    it(target.skip, () => {});
  });
} else {
  const { iface, interfaces } = target;
  const cases = (['powershell', 'netsh'] as const).flatMap((format) => (['active', 'persistent'] as const).map((store) => ({ format, store })));

  describe.each(cases)('the $format script for the $store store, on "' + iface.alias + '"', ({ format, store }) => {
    // One pair of addresses per case, so a case left behind cannot pass the next one.
    const n = cases.findIndex((c) => c.format === format && c.store === store) + 1;
    const entries: AnycastEntry[] = [
      ...(iface.ipv4 ? [{ address: `192.0.2.${90 + n}`, family: 'ipv4' as const, interfaceLuid: iface.luid, interfaceIndex: iface.index, scopeId: 0 }] : []),
      ...(iface.ipv6 ? [{ address: `2001:db8:5c::${90 + n}`, family: 'ipv6' as const, interfaceLuid: iface.luid, interfaceIndex: iface.index, scopeId: 0 }] : []),
    ];
    const addresses = entries.map((e) => e.address);

    beforeAll(() => removeEverywhere(iface, addresses));
    afterAll(() => {
      removeEverywhere(iface, addresses);
      expect([...listed(iface, 'active'), ...listed(iface, 'persistent')].filter((a) => addresses.includes(a))).toEqual([]);
    });

    it('adds every entry, and Get-NetIPAddress finds them in the stores the script names', () => {
      expect(entries.length, 'the interface carries neither IPv4 nor IPv6').toBeGreaterThan(0);
      const make = format === 'powershell' ? powerShellScript : netshScript;
      const script = make(entries, interfaces, { store, generatedAt: new Date(), machine: 'CI' });
      expect(script.leftOut).toEqual([]);
      const file = join(dir, `${format}-${store}${format === 'powershell' ? '.ps1' : '.cmd'}`);
      writeFileSync(file, script.text, 'utf8');
      const result = run(format, file);
      expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
      expect(listed(iface, 'active')).toEqual(expect.arrayContaining(addresses));
      const persistent = listed(iface, 'persistent');
      if (store === 'persistent') expect(persistent).toEqual(expect.arrayContaining(addresses));
      else expect(persistent.filter((a) => addresses.includes(a))).toEqual([]);
    });

    it('run a second time, finds every entry already there and still succeeds', () => {
      const make = format === 'powershell' ? powerShellScript : netshScript;
      const file = join(dir, `${format}-${store}-again${format === 'powershell' ? '.ps1' : '.cmd'}`);
      writeFileSync(file, make(entries, interfaces, { store, generatedAt: new Date(), machine: 'CI' }).text, 'utf8');
      const result = run(format, file);
      // netsh answers "The object already exists." and counts it as a failure; PowerShell checks first.
      if (format === 'powershell') expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
      expect(listed(iface, 'active')).toEqual(expect.arrayContaining(addresses));
    });
  });
}
