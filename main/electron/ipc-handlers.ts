/** One ipcMain handler per contract method; each checks its sender before the service sees the payload. */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { channelOf, methods } from '../../app/ipc-channels';
import type { Result } from '../../app/ipc-contract';
import { invalidRequestError } from '../../app/error-catalogue';
import type { AnycastService } from '../service/anycast-service';
import { replyWithoutThrowing, type FaultLog } from '../security/fault-barrier';
import { isTrustedSender } from '../security/trusted-sender';

export function registerIpcHandlers(
  service: Pick<AnycastService, 'handle'>,
  mainWindow: () => BrowserWindow | undefined,
  logFault: FaultLog,
): void {
  for (const method of methods) {
    ipcMain.handle(channelOf(method), (event: IpcMainInvokeEvent, payload: unknown) =>
      replyWithoutThrowing(
        method,
        async () => (isFromAppWindow(event, mainWindow()) ? service.handle(method, payload) : refusal()),
        logFault,
      ),
    );
  }
}

/** Only the top frame of the app's own window, showing the app's own origin. */
function isFromAppWindow(event: IpcMainInvokeEvent, window: BrowserWindow | undefined): boolean {
  if (window === undefined || window.isDestroyed()) return false;
  const contents = window.webContents;
  return isTrustedSender({
    frameUrl: event.senderFrame?.url,
    isAppMainFrame: event.sender === contents && event.senderFrame === contents.mainFrame,
  });
}

function refusal(): Result<never> {
  return { ok: false, error: invalidRequestError('The request did not come from the Anycast Manager window.', '', { operation: 'status' }) };
}
