/**
 * Nothing in the renderer may leave the app: no navigation, no new windows,
 * no permissions but one, no devices, no webviews. Applied to every session and
 * every web contents ever created, not just the ones the app makes on purpose.
 */
import { app, session, type Session, type WebContents } from 'electron';
import { isAppUrl } from '../security/trusted-sender';

export function lockDownWebContents(): void {
  lockSession(session.defaultSession);
  app.on('session-created', lockSession);
  app.on('web-contents-created', (_event, contents) => harden(contents));
}

function lockSession(target: Session): void {
  target.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isGranted(permission, details.requestingUrl, details.isMainFrame)),
  );
  target.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isGranted(permission, details.requestingUrl ?? requestingOrigin, details.isMainFrame),
  );
  target.setDevicePermissionHandler(() => false);
}

/**
 * The one permission granted: writing to the clipboard, which "Copy details" needs for a
 * ticket, and only to the app's own top frame. Chromium still requires a click or key
 * press for each write, and reading the clipboard stays refused.
 */
function isGranted(permission: string, url: string | undefined, isMainFrame: boolean): boolean {
  return permission === 'clipboard-sanitized-write' && isMainFrame && url !== undefined && isAppUrl(url);
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
