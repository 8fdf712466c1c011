/**
 * fsync a folder so a file created or renamed in it survives a power cut.
 * Best effort by design: Windows cannot open a folder as a file (EISDIR/EPERM)
 * and some file systems refuse fsync on one (EINVAL); NTFS journals the rename
 * itself, and the file's own data was already synced by the caller.
 */
import { open } from 'node:fs/promises';

export async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Not supported here; see above.
  }
}
