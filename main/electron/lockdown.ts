/**
 * Nothing in the renderer may leave the app: no navigation, no new windows,
 * no permissions, no devices, no webviews. Applied to every session and every
 * web contents ever created, not just the ones the app makes on purpose.
 */
import { app, session, type Session, type WebContents } from 'electron';
import { isAppUrl } from '../security/trusted-sender';

export function lockDownWebContents(): void {
  lockSession(session.defaultSession);
  app.on('session-created', lockSession);
  app.on('web-contents-created', (_event, contents) => harden(contents));
}

function lockSession(target: Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  target.setDevicePermissionHandler(() => false);
}

function harden(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
