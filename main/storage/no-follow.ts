/**
 * Opens files in the app's data folder without following a symbolic link, so a link planted
 * there cannot make the app append its records to, or read a saved set from, another file.
 * O_NOFOLLOW where the platform has it (Linux, macOS). Node on Windows has no such flag, so
 * there the name is lstat-ed before the open and the opened file compared with it after.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, type Stats } from 'node:fs';
import { lstat, open, type FileHandle } from 'node:fs/promises';

const NO_FOLLOW: number = constants.O_NOFOLLOW ?? 0;

const FLAGS = {
  /** Read and append, creating the file: what the audit log needs. */
  'a+': constants.O_RDWR | constants.O_CREAT | constants.O_APPEND,
  r: constants.O_RDONLY,
} as const;

export class SymbolicLinkRefused extends Error {
  constructor(readonly path: string) {
    super(
      `${path} is a symbolic link. Anycast Manager does not follow links in its data folder, so that nothing can ` +
        'redirect its records to another file. Remove the link and try again.',
    );
    this.name = 'SymbolicLinkRefused';
  }
}

/** openSync that refuses a symbolic link at `path` with SymbolicLinkRefused. */
export function openNoFollowSync(path: string, flags: keyof typeof FLAGS): number {
  const before = NO_FOLLOW ? undefined : refuseLink(path, lstatOrMissing(path));
  let fd: number;
  try {
    fd = openSync(path, FLAGS[flags] | NO_FOLLOW, 0o666);
  } catch (fault) {
    throw isLinkFault(fault, path) ? new SymbolicLinkRefused(path) : fault;
  }
  if (NO_FOLLOW) return fd;
  try {
    checkSameFile(path, fstatSync(fd), lstatOrMissing(path), before);
  } catch (fault) {
    closeSync(fd);
    throw fault;
  }
  return fd;
}

/** A handle for reading `path`, refusing a symbolic link at `path`; ENOENT and other faults as open gives them. */
export async function openNoFollow(path: string): Promise<FileHandle> {
  const before = NO_FOLLOW ? undefined : refuseLink(path, await lstat(path));
  let handle: FileHandle;
  try {
    handle = await open(path, FLAGS.r | NO_FOLLOW);
  } catch (fault) {
    throw isLinkFault(fault, path) ? new SymbolicLinkRefused(path) : fault;
  }
  if (NO_FOLLOW) return handle;
  try {
    checkSameFile(path, await handle.stat(), await lstat(path), before);
  } catch (fault) {
    await handle.close();
    throw fault;
  }
  return handle;
}

/** The file's text, read without following a symbolic link at `path`. */
export async function readFileNoFollow(path: string): Promise<string> {
  const handle = await openNoFollow(path);
  try {
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

function lstatOrMissing(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (fault) {
    if ((fault as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw fault;
  }
}

function refuseLink(path: string, info: Stats | undefined): Stats | undefined {
  if (info?.isSymbolicLink()) throw new SymbolicLinkRefused(path);
  return info;
}

/** Without O_NOFOLLOW: the name still points at the file that was opened, and is no link now. */
function checkSameFile(path: string, opened: Stats, now: Stats | undefined, before: Stats | undefined): void {
  refuseLink(path, now);
  const same = (a: Stats | undefined) => a === undefined || (a.dev === opened.dev && a.ino === opened.ino);
  if (now === undefined || !same(now) || !same(before)) throw new SymbolicLinkRefused(path);
}

/** O_NOFOLLOW on a link fails with ELOOP (EMLINK on FreeBSD); a loop further up the path does too, so look. */
function isLinkFault(fault: unknown, path: string): boolean {
  const code = (fault as NodeJS.ErrnoException).code;
  return (code === 'ELOOP' || code === 'EMLINK') && lstatOrMissing(path)?.isSymbolicLink() === true;
}
