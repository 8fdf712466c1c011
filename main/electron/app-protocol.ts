/**
 * Serves the renderer from app://anycast-manager/ instead of file://, so the page
 * has a real origin the IPC handlers can check and every response carries the CSP.
 * Files are read with the preview's reader, which refuses anything outside the
 * renderer folder, malformed escapes, NUL bytes and unknown file types.
 */
import { protocol } from 'electron';
import { RENDERER_SECURITY_HEADERS } from '../security/content-security-policy';
import { APP_ORIGIN, APP_SCHEME, isAppUrl } from '../security/trusted-sender';
import { readStaticFile } from '../security/static-files';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => rendererResponse(rendererDir, request.url));
}

async function rendererResponse(rendererDir: string, url: string): Promise<Response> {
  const file = isAppUrl(url) ? await readStaticFile(rendererDir, new URL(url).pathname) : undefined;
  const headers = { ...RENDERER_SECURITY_HEADERS, 'Content-Type': file?.contentType ?? 'text/plain; charset=utf-8' };
  if (!file) return new Response('Not found', { status: 404, headers });
  return new Response(new Uint8Array(file.body), { status: 200, headers });
}

export const RENDERER_ENTRY = `${APP_ORIGIN}/index.html`;
