/** The renderer's origin, and the check every IPC handler applies to the frame that called it. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'anycast-manager';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export interface SenderFacts {
  /** URL of the frame that sent the message, if Electron still knows it. */
  frameUrl: string | undefined;
  /** The frame is the top frame of the app's own window. */
  isAppMainFrame: boolean;
}

export function isTrustedSender({ frameUrl, isAppMainFrame }: SenderFacts): boolean {
  if (!isAppMainFrame || frameUrl === undefined) return false;
  return isAppUrl(frameUrl);
}

/** WHATWG URLs give custom schemes an opaque origin, so compare scheme and host instead. */
export function isAppUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}
