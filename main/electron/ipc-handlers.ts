/** One ipcMain handler per contract method; each checks its sender before the service sees the payload. */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { channelOf, methods } from '../../app/ipc-contract';
import { invalidRequestError } from '../../app/error-catalogue';
import type { AnycastService } from '../service/anycast-service';
import { isTrustedSender } from '../security/trusted-sender';

export function registerIpcHandlers(service: AnycastService, mainWindow: () => BrowserWindow | undefined): void {
  for (const method of methods) {
    ipcMain.handle(channelOf(method), (event: IpcMainInvokeEvent, payload: unknown) => {
      const window = mainWindow();
      const trusted = isTrustedSender({
        frameUrl: event.senderFrame?.url,
        isAppMainFrame: window !== undefined && event.sender === window.webContents && event.senderFrame === window.webContents.mainFrame,
      });
      if (!trusted) {
        return { ok: false, error: invalidRequestError('The request did not come from the Anycast Manager window.', '', { operation: 'status' }) };
      }
      return service.handle(method, payload);
    });
  }
}
