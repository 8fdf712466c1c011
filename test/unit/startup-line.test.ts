import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openFaultLog } from '../../main/diagnostics/fault-log';
import { startupLine } from '../../main/diagnostics/startup-line';

const WINDOWS_11 = { platform: 'win32', release: '10.0.22631', version: 'Windows 11 Pro' };
const exports = [
  { name: 'GetAnycastIpAddressTable', found: true },
  { name: 'CreateAnycastIpAddressEntry', found: false },
  { name: 'GetIfTable2Ex', found: true },
];

describe('the start-up line', () => {
  it('names the app version, the Windows build and the iphlpapi exports found and missing', () => {
    expect(startupLine({ appVersion: '0.1.0', backend: { kind: 'windows', exports }, simulatedReason: null, system: WINDOWS_11 })).toBe(
      'Anycast Manager 0.1.0 started on Windows 10.0.22631 (build 22631), Windows 11 Pro; ' +
        'iphlpapi exports found: GetAnycastIpAddressTable, GetIfTable2Ex; missing: CreateAnycastIpAddressEntry.',
    );
  });

  it('says when no system library was loaded, and why', () => {
    expect(
      startupLine({ appVersion: '0.1.0', backend: { kind: 'simulated', exports: [] }, simulatedReason: 'not-windows', system: { platform: 'linux', release: '6.1.0', version: '#1 SMP' } }),
    ).toBe('Anycast Manager 0.1.0 started on linux 6.1.0; simulated computer (not-windows), no system library loaded.');
  });

  it('reaches the fault log as an info line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'anycast-startup-'));
    const log = openFaultLog(dir, { toConsole: false });
    log.info(startupLine({ appVersion: '0.1.0', backend: { kind: 'windows', exports }, simulatedReason: null, system: WINDOWS_11 }));
    expect(readFileSync(log.path, 'utf8')).toMatch(/\[info\]\s+Anycast Manager 0\.1\.0 started on Windows 10\.0\.22631 \(build 22631\)/);
  });
});
