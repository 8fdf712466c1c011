/** The Electron main process: one instance, one locked-down window, the service behind IPC. */
import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { parseLaunchOptions } from '../launch-options';
import { selectBackend } from '../backends/select-backend';
import { INTERFACES_CHANGED_CHANNEL } from '../../app/ipc-contract';
import { AnycastService } from '../service/anycast-service';
import { appFilesIn } from '../service/app-files';
import { currentIdentity } from '../service/identity';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { registerIpcHandlers } from './ipc-handlers';
import { lockDownWebContents } from './lockdown';
import { createMainWindow } from './main-window';
import { refuseDebuggingSwitches } from './debugging-switches';

const distDir = join(__dirname, '..');
let mainWindow: BrowserWindow | undefined;

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
  app.whenReady().then(start).catch((fault: unknown) => {
    console.error('Anycast Manager could not start:', fault);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  const options = parseLaunchOptions(process.argv);
  const { backend, simulatedReason } = await selectBackend(process.platform, options);
  const logFault = (method: string, fault: unknown) => console.error(`[service] ${method} failed:`, fault);
  const files = appFilesIn(app.getPath('userData'));
  const service = new AnycastService(backend, { simulatedReason, logFault, identity: currentIdentity(), files });
  app.on('will-quit', () => {
    backend.close();
    files.audit.close();
  });
  lockDownWebContents();
  serveRenderer(join(distDir, 'renderer'));
  registerIpcHandlers(service, () => mainWindow, logFault);
  mainWindow = createMainWindow(join(distDir, 'main', 'preload.cjs'), join(distDir, '..', 'assets', 'icon.png'));
  const stopWatching = service.onInterfacesChanged(() => mainWindow?.webContents.send(INTERFACES_CHANGED_CHANNEL));
  mainWindow.on('closed', () => {
    stopWatching();
    mainWindow = undefined;
  });
}
