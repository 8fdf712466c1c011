/**
 * The one window. Its security preferences are written out literally inside the
 * constructor call, so a reviewer, Electronegativity's static checks and the
 * tests (which capture these options) all see the same thing.
 */
import { app, BrowserWindow } from 'electron';
import { RENDERER_ENTRY } from './app-protocol';

/** `onLoadFailed` hears why the page could not be loaded. */
export function createMainWindow(preload: string, icon: string, onLoadFailed: (fault: unknown) => void): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Anycast Manager',
    icon,
    backgroundColor: '#f5f5f5',
    autoHideMenuBar: true,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click would otherwise try to open a link in a new window.
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: false,
      // A console in an elevated process is for development only.
      devTools: !app.isPackaged,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(RENDERER_ENTRY).catch(onLoadFailed);
  return window;
}
