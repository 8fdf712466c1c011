/** The Electron main process: one instance, one locked-down window, the service behind IPC. */
import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { parseLaunchOptions } from '../launch-options';
import { selectBackend } from '../backends/select-backend';
import { INTERFACES_CHANGED_CHANNEL } from '../../app/ipc-channels';
import { AnycastService } from '../service/anycast-service';
import { appFilesIn } from '../service/app-files';
import { currentIdentity } from '../service/identity';
import { faultReporter, openFaultLog, slowCallReporter, type FaultLog } from '../diagnostics/fault-log';
import { openRecordsFolder } from '../records/records-folder';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { logUnhandledRejections, reportLastCrash, showStartupFailure, startCrashReporter } from './fault-reporting';
import type { StartupStage } from './fault-notices';
import { registerIpcHandlers } from './ipc-handlers';
import { lockDownWebContents } from './lockdown';
import { createMainWindow } from './main-window';
import { refuseDebuggingSwitches } from './debugging-switches';

const distDir = join(__dirname, '..');
/** The crash reports the app has already told someone about. */
const CRASH_REPORTS_SEEN_FILE = 'crash-reports-reported.json';
let mainWindow: BrowserWindow | undefined;

startCrashReporter();
// Every renderer sandboxed, including any the window options did not name; both calls must precede 'ready'.
app.enableSandbox();
registerAppScheme();

// A second copy would race the first on writes; hand over to the first instead. A packaged
// app started with a debugging switch has said why and is exiting (debugging-switches.ts).
if (refuseDebuggingSwitches() || !app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  const faults = openFaultLog(app.getPath('userData'), { toConsole: !app.isPackaged });
  logUnhandledRejections(faults);
  app.whenReady().then(() => start(faults)).catch((fault: unknown) => failStartup(faults, fault, 'start'));
}

function failStartup(faults: FaultLog, fault: unknown, stage: StartupStage): void {
  showStartupFailure(faults, fault, stage);
  app.exit(1);
}

async function start(faults: FaultLog): Promise<void> {
  const options = parseLaunchOptions(process.argv);
  const { backend, simulatedReason } = await selectBackend(process.platform, options, slowCallReporter(faults));
  const logFault = faultReporter(faults);
  const perMachine = backend.kind === 'windows' && (await backend.status()).elevated;
  const records = await openRecordsFolder({ perMachine, userDataDir: app.getPath('userData'), logFault });
  const files = appFilesIn(records.dir, records.folder);
  const service = new AnycastService(backend, { simulatedReason, logFault, identity: currentIdentity(), files });
  app.on('will-quit', () => {
    backend.close();
    files.audit.close();
  });
  lockDownWebContents();
  serveRenderer(join(distDir, 'renderer'));
  registerIpcHandlers(service, () => mainWindow, logFault);
  mainWindow = createMainWindow(join(distDir, 'main', 'preload.cjs'), join(distDir, '..', 'assets', 'icon.png'), (fault) =>
    failStartup(faults, fault, 'window'),
  );
  void reportLastCrash(mainWindow, app.getPath('crashDumps'), join(app.getPath('userData'), CRASH_REPORTS_SEEN_FILE), faults);
  const stopWatching = service.onInterfacesChanged(() => mainWindow?.webContents.send(INTERFACES_CHANGED_CHANNEL));
  mainWindow.on('closed', () => {
    stopWatching();
    mainWindow = undefined;
  });
}
