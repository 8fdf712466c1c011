/**
 * The saved set on disk: written atomically, read defensively. A file that cannot
 * be read as a saved set is moved aside (never overwritten) so nothing a technician
 * saved is lost to a bad edit or a bug.
 */
import { rename } from 'node:fs/promises';
import { SavedSet, type SavedEntry } from '../../app/saved-set';
import { writeFileAtomic } from './atomic-write';
import { readFileNoFollow } from './no-follow';

export class SavedSetStore {
  constructor(readonly path: string) {}

  async load(): Promise<SavedSet> {
    let text: string;
    try {
      text = await readFileNoFollow(this.path);
    } catch (fault) {
      if ((fault as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], savedAt: null };
      throw fault;
    }
    const parsed = SavedSet.safeParse(parseJson(text));
    if (parsed.success) return parsed.data;
    await rename(this.path, `${this.path}.unreadable-${Date.now()}`);
    return { entries: [], savedAt: null };
  }

  async save(entries: SavedEntry[], now: Date): Promise<SavedSet> {
    const set: SavedSet = { entries, savedAt: now.toISOString() };
    await writeFileAtomic(this.path, `${JSON.stringify(set, null, 2)}\n`);
    return set;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
