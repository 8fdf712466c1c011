/**
 * The pieces behind "no silent fault" that need no Electron: a koffi that will not load is
 * named as such, the fault log rotates, and crash dumps are reported once each.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { takeNewCrashDumps } from '../../main/diagnostics/crash-dumps';
import { FAULT_LOG_FILE, openFaultLog } from '../../main/diagnostics/fault-log';
import { parseLaunchOptions } from '../../main/launch-options';

const freshDir = () => mkdtempSync(join(tmpdir(), 'anycast-diagnostics-'));

describe('selecting the Windows backend where koffi cannot load', () => {
  afterEach(() => {
    vi.doUnmock('koffi');
    vi.resetModules();
  });

  it('fails with the FFI named, and the dialog says to reinstall', async () => {
    vi.resetModules();
    vi.doMock('koffi', () => {
      throw new Error("Cannot find module '@koromix/koffi-win32-x64'");
    });
    const { selectBackend } = await import('../../main/backends/select-backend');
    const { startupFailureNotice } = await import('../../main/electron/fault-notices');
    const failure = await selectBackend('win32', parseLaunchOptions([])).then(
      () => null,
      (fault: unknown) => fault,
    );
    expect(failure).toMatchObject({ name: 'BackendLoadError', failure: 'ffi', subject: 'koffi' });
    const { content } = startupFailureNotice(failure, 'start', 'C:\\log.txt');
    expect(content).toMatch(/^The component Anycast Manager uses to call Windows \(koffi\) could not be loaded: Cannot load the FFI module koffi: /);
    expect(content).toContain('Reinstall Anycast Manager.');
  });
});

describe('the fault log', () => {
  it('writes each line to <data folder>/logs and rotates past 1 MB, keeping the older file', () => {
    const dir = freshDir();
    const faults = openFaultLog(dir, { toConsole: false });
    expect(faults.path).toBe(join(dir, 'logs', FAULT_LOG_FILE));
    const line = 'x'.repeat(1000);
    for (let n = 0; n < 1100; n++) faults.warn(`${n} ${line}`);
    faults.error('the newest line', new Error('boom'));
    const older = join(dir, 'logs', 'anycast-manager.old.log');
    expect(existsSync(older)).toBe(true);
    expect(readFileSync(older, 'utf8')).toContain(`[warn]  0 ${line}`);
    const current = readFileSync(faults.path, 'utf8');
    expect(current).toMatch(/\[error\] the newest line Error: boom/);
    expect(current.length).toBeLessThan(1024 * 1024);
  });
});

describe('crash dumps', () => {
  it('are reported once each, in whatever subfolder Crashpad put them', async () => {
    const dumps = freshDir();
    const record = join(freshDir(), 'reported.json');
    expect(await takeNewCrashDumps(join(dumps, 'missing'), record)).toEqual([]);
    mkdirSync(join(dumps, 'reports'));
    writeFileSync(join(dumps, 'reports', 'a.dmp'), 'MDMP');
    writeFileSync(join(dumps, 'settings.dat'), '');
    expect(await takeNewCrashDumps(dumps, record)).toEqual([join(dumps, 'reports', 'a.dmp')]);
    expect(await takeNewCrashDumps(dumps, record)).toEqual([]);
    writeFileSync(join(dumps, 'reports', 'b.dmp'), 'MDMP');
    expect(await takeNewCrashDumps(dumps, record)).toEqual([join(dumps, 'reports', 'b.dmp')]);
  });

  it('are reported again rather than never when the record is unreadable', async () => {
    const dumps = freshDir();
    const record = join(freshDir(), 'reported.json');
    writeFileSync(join(dumps, 'a.dmp'), 'MDMP');
    writeFileSync(record, '{ not json');
    expect(await takeNewCrashDumps(dumps, record)).toEqual([join(dumps, 'a.dmp')]);
  });
});
