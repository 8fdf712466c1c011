/**
 * No silent fault at start-up, run against a fake Electron: a backend that cannot load (a
 * library that will not load, a missing export) or a page that will not load ends in a
 * native error dialog that says what happened, what to do and where the log is, a line in
 * that log, and an exit; the crash reporter keeps reports local, and the next start after
 * a native crash says so once.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FAULT_LOG_FILE } from '../../main/diagnostics/fault-log';
import { buildFakeLibrary } from '../ffi/fake-iphlpapi';
import { commandFor, findTool } from '../ffi/native-build';
import { mockElectron, type ElectronFake } from './electron-fake';

const cc = commandFor(findTool('cc', 'gcc'), 'Start-up failures of the Windows backend');

/** Runs the main process's entry point and waits until it has either shown its window or given up. */
async function startMain(fake: ElectronFake): Promise<void> {
  await import('../../main/electron/electron-main');
  await vi.waitFor(() => expect(fake.windows.length + fake.dialog.showErrorBox.mock.calls.length).toBeGreaterThan(0));
}

/** The Windows backend over these libraries, in place of the platform's choice; loaded with the main process's modules. */
function windowsBackendOver(libraries: { iphlpapi: string; kernel32: string; advapi32: string }): void {
  vi.doMock('../../main/backends/select-backend', async () => {
    const { createWindowsBackend } = await import('../../main/backends/windows/windows-backend');
    return { selectBackend: async () => ({ backend: createWindowsBackend(libraries), simulatedReason: null }) };
  });
}

function faultLogOf(fake: ElectronFake): string {
  return readFileSync(join(fake.app.getPath('userData'), 'logs', FAULT_LOG_FILE), 'utf8');
}

function shownError(fake: ElectronFake): { title: string; content: string } {
  expect(fake.dialog.showErrorBox).toHaveBeenCalledOnce();
  const [title, content] = fake.dialog.showErrorBox.mock.calls[0]!;
  return { title, content };
}

afterEach(() => {
  vi.doUnmock('../../main/backends/select-backend');
});

describe.skipIf(cc === null)('a Windows backend that cannot load', () => {
  it('a system library that will not load: a dialog naming it, what to do and the log, a log line, and an exit', async () => {
    const fake = mockElectron();
    const missing = 'C:\\Windows\\System32\\iphlpapi.dll';
    windowsBackendOver({ iphlpapi: missing, kernel32: missing, advapi32: missing });
    await startMain(fake);

    const { title, content } = shownError(fake);
    expect(title).toBe('Anycast Manager could not start');
    expect(content).toContain(`Windows' iphlpapi.dll could not be loaded from ${missing}.`);
    expect(content).toContain('sfc /scannow');
    const logPath = join(fake.app.getPath('userData'), 'logs', FAULT_LOG_FILE);
    expect(content).toContain(`Details are in the log:\n${logPath}`);
    expect(faultLogOf(fake)).toMatch(/\[error\] Anycast Manager could not start \(start\) BackendLoadError: Cannot load the system library/);
    expect(fake.app.exit).toHaveBeenCalledWith(1);
    expect(fake.windows).toHaveLength(0);
  });

  it('a function missing from a system library: a dialog naming the function and the Windows it needs', async () => {
    const fake = mockElectron();
    const library = buildFakeLibrary(cc!);
    // libc stands in for a kernel32 without FormatMessageW.
    windowsBackendOver({ iphlpapi: library, kernel32: 'libc.so.6', advapi32: library });
    await startMain(fake);

    const { content } = shownError(fake);
    expect(content).toContain('libc.so.6 has no function FormatMessageW, which Anycast Manager needs.');
    expect(content).toContain('Windows 10 or later');
    expect(faultLogOf(fake)).toContain('Missing export libc.so.6!FormatMessageW');
    expect(fake.app.exit).toHaveBeenCalledWith(1);
  });
});

describe('the start-up of the main process', () => {
  it('says so in a dialog and the log when the window cannot load its page, and exits', async () => {
    const fake = mockElectron();
    fake.BrowserWindow.prototype.loadURL = () => Promise.reject(new Error("ERR_FILE_NOT_FOUND (-6) loading 'app://anycast-manager/index.html'"));
    await startMain(fake);

    await vi.waitFor(() => expect(fake.dialog.showErrorBox).toHaveBeenCalled());
    const { content } = shownError(fake);
    expect(content).toContain("The Anycast Manager window could not load its page: ERR_FILE_NOT_FOUND (-6) loading 'app://anycast-manager/index.html'");
    expect(content).toContain('Reinstall Anycast Manager');
    expect(faultLogOf(fake)).toContain('Anycast Manager could not start (window)');
    expect(fake.app.exit).toHaveBeenCalledWith(1);
  });

  it('starts the crash reporter before anything else, keeping reports on this computer', async () => {
    const fake = mockElectron();
    await startMain(fake);
    expect(fake.crashReporter.start).toHaveBeenCalledExactlyOnceWith({ uploadToServer: false });
    expect(fake.crashReporter.start.mock.invocationCallOrder[0]).toBeLessThan(fake.app.enableSandbox.mock.invocationCallOrder[0]!);
    expect(fake.dialog.showErrorBox).not.toHaveBeenCalled();
  });

  it('after a native crash, says once that the app closed unexpectedly and where the report is', async () => {
    const first = mockElectron();
    const dumps = first.app.getPath('crashDumps');
    const userData = first.app.getPath('userData');
    const dump = join(dumps, 'reports', '5d0c6a1e-crash.dmp');
    mkdirSync(join(dumps, 'reports'), { recursive: true });
    writeFileSync(dump, 'MDMP');
    await startMain(first);

    await vi.waitFor(() => expect(first.dialog.showMessageBox).toHaveBeenCalledOnce());
    const [window, options] = first.dialog.showMessageBox.mock.calls[0]!;
    expect(window).toBe(first.windows[0]);
    expect(options.message).toBe('Anycast Manager closed unexpectedly the last time it ran.');
    expect(options.detail).toContain(`A crash report was saved at:\n${dump}`);
    expect(readFileSync(join(userData, 'logs', FAULT_LOG_FILE), 'utf8')).toContain(dump);

    // The next start, same folders: nothing new to report.
    const second = mockElectron();
    second.app.getPath.mockImplementation((name: string) => (name === 'crashDumps' ? dumps : name === 'userData' ? userData : first.app.getPath(name)));
    await startMain(second);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(second.dialog.showMessageBox).not.toHaveBeenCalled();
  });
});

describe.skipIf(cc === null)('the start-up line and the headless self-test', () => {
  const argv = process.argv;
  afterEach(() => {
    process.argv = argv;
  });

  it('logs the version, the system and the exports the library has, once the backend is loaded', async () => {
    const fake = mockElectron();
    const library = buildFakeLibrary(cc!, 'no-anycast-exports');
    windowsBackendOver({ iphlpapi: library, kernel32: library, advapi32: library });
    await startMain(fake);
    expect(faultLogOf(fake)).toMatch(
      /\[info\]\s+Anycast Manager \d+\.\d+\.\d+ started on .*; iphlpapi exports found: GetIfTable2Ex, NotifyIpInterfaceChange, CancelMibChangeNotify2; missing: GetAnycastIpAddressTable, CreateAnycastIpAddressEntry, DeleteAnycastIpAddressEntry, GetAnycastIpAddressEntry\./,
    );
  });

  it('--self-test --interface Ethernet --report FILE: writes the report, opens no window, and exits with its code', async () => {
    const fake = mockElectron();
    const library = buildFakeLibrary(cc!);
    windowsBackendOver({ iphlpapi: library, kernel32: library, advapi32: library });
    const reportFile = join(fake.app.getPath('temp'), 'report.txt');
    process.argv = [argv[0]!, 'app', '--self-test', '--interface', 'Ethernet', '--report', reportFile];
    await import('../../main/electron/electron-main');
    await vi.waitFor(() => expect(fake.app.exit).toHaveBeenCalled());
    expect(fake.app.exit).toHaveBeenCalledWith(0);
    expect(fake.windows).toHaveLength(0);
    const report = readFileSync(reportFile, 'utf8');
    expect(report).toContain('Round trip on "Ethernet" (Ethernet (index 12)) with 2001:db8:5e1f::1:');
    expect(report).toContain('Result: no problems found.');
  });
});
