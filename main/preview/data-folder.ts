/**
 * The preview's data folder (its audit log and saved set). The temporary folder is shared by
 * every user of the computer, so a fixed name there could be taken first by someone else, who
 * would then read or plant the preview's records. Each run gets a new private folder instead,
 * or uses the one `--data-dir` names once it is checked to be the person's own.
 */
import { lstat, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const PREVIEW_FOLDER_PREFIX = 'anycast-manager-preview-';

export class DataFolderRefused extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`The preview cannot keep its records in ${path}: ${reason}`);
    this.name = 'DataFolderRefused';
  }
}

/** A new folder for this run only, readable and writable by its owner alone. */
export async function createRunFolder(parent: string = tmpdir()): Promise<string> {
  const path = await mkdtemp(join(parent, PREVIEW_FOLDER_PREFIX));
  await checkPrivateFolder(path, 'created');
  return path;
}

/** The folder `--data-dir` names, created (owner only) when missing, and refused unless it is the person's own. */
export async function useNamedFolder(path: string): Promise<string> {
  const folder = resolve(path);
  try {
    await mkdir(folder, { recursive: true, mode: 0o700 });
  } catch (fault) {
    // Something that is not a folder has the name: the check below says what.
    const code = (fault as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST') throw new DataFolderRefused(folder, `it cannot be created (${code ?? String(fault)}). Name another folder.`);
  }
  await checkPrivateFolder(folder, 'named');
  return folder;
}

/**
 * A folder is private when it is a real folder (not a link to one), owned by the user running
 * the preview, and not writable by the group or others. Where the system has no user ids
 * (Windows), the folder sits in the person's own profile, which Windows keeps theirs.
 */
export async function checkPrivateFolder(path: string, how: 'created' | 'named'): Promise<void> {
  const info = await lstat(path);
  const ownChoice = how === 'named' ? ' Name a folder of your own with --data-dir=PATH, or leave it out for a new one.' : '';
  if (info.isSymbolicLink()) throw new DataFolderRefused(path, `it is a symbolic link, which could lead anywhere.${ownChoice}`);
  if (!info.isDirectory()) throw new DataFolderRefused(path, `it is not a folder.${ownChoice}`);
  const uid = process.getuid?.();
  if (uid === undefined) return;
  if (info.uid !== uid) {
    throw new DataFolderRefused(path, `it belongs to another user (user id ${info.uid}; you are ${uid}), who could read and change its records.${ownChoice}`);
  }
  if ((info.mode & 0o022) !== 0) {
    const mode = (info.mode & 0o777).toString(8).padStart(3, '0');
    throw new DataFolderRefused(path, `other users may write to it (mode ${mode}). Run chmod go-w on it, or name another folder.`);
  }
}
