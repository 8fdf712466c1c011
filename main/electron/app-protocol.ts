/**
 * Serves the renderer from app://anycast-manager/ instead of file://, so the page
 * has a real origin the IPC handlers can check and every response carries the CSP.
 */
import { net, protocol } from 'electron';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RENDERER_SECURITY_HEADERS } from '../security/content-security-policy';
import { APP_ORIGIN, APP_SCHEME, isAppUrl } from '../security/trusted-sender';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (!isAppUrl(request.url)) return new Response('Not found', { status: 404 });
    const url = new URL(request.url);
    const relative = normalize(decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)).replace(/^([/\\])+/, '');
    const file = join(rendererDir, relative);
    if (!file.startsWith(rendererDir + sep)) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(RENDERER_SECURITY_HEADERS)) headers.set(name, value);
    return new Response(response.body, { status: response.status, headers });
  });
}

export const RENDERER_ENTRY = `${APP_ORIGIN}/index.html`;
