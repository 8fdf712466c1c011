/**
 * Reads the built renderer's files for the preview and the app:// protocol, refusing any
 * path outside its folder, any symbolic link inside it, and names Windows reserves for devices.
 */
import type { Stats } from 'node:fs';
import { lstat, readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const relative = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^([/\\])+/, '');
  const base = resolve(root);
  const file = join(base, relative);
  if (!file.startsWith(base + sep)) return undefined;
  const segments = file.slice(base.length + 1).split(sep);
  if (segments.some(isWindowsDeviceName)) return undefined;
  const contentType = CONTENT_TYPES[extname(file).toLowerCase()];
  if (!contentType) return undefined;
  try {
    if (!(await isPlainPath(base, segments))) return undefined;
    return { body: await readFile(file), contentType };
  } catch {
    return undefined;
  }
}

/**
 * CON.json opens the console on Windows, not a file: Windows reads a device name in the part
 * before the first dot or colon, with trailing blanks and dots dropped, in any case.
 */
export function isWindowsDeviceName(segment: string): boolean {
  const stem = (segment.split(/[.:]/)[0] ?? '').replace(/[ .]+$/, '');
  return /^(?:CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|(?:COM|LPT)[1-9\u00B9\u00B2\u00B3])$/i.test(stem);
}

/**
 * Every folder on the way and the file itself are what they seem: no symbolic link (or
 * junction) leads out of the folder. lstat, not open: in the packaged app the files sit
 * in an asar archive, where Electron supports lstat but would extract a file to open it.
 */
async function isPlainPath(base: string, segments: readonly string[]): Promise<boolean> {
  let path = base;
  let info: Stats | undefined;
  for (const segment of segments) {
    path = join(path, segment);
    info = await lstat(path);
    if (info.isSymbolicLink()) return false;
  }
  return info?.isFile() ?? false;
}
