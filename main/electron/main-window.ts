/** The one window, with every security preference written out so a reviewer and a test can see it. */
import { BrowserWindow, type WebPreferences } from 'electron';
import { RENDERER_ENTRY } from './app-protocol';

export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

export function createMainWindow(preload: string, icon: string): BrowserWindow {
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
    webPreferences: secureWebPreferences(preload),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(RENDERER_ENTRY);
  return window;
}
