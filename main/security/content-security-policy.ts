/**
 * The renderer's Content Security Policy, sent by both the Electron protocol handler
 * and the browser preview. Scripts only from the app itself; nothing remote.
 * Styles allow 'unsafe-inline' because Fluent UI's CSS-in-JS inserts style elements at run time.
 */
const DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** The copy in renderer/index.html: browsers ignore frame-ancestors in a meta element (and log an error). */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

export const CONTENT_SECURITY_POLICY = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');

/** Headers every renderer response carries, in Electron and in the preview. */
export const RENDERER_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};
