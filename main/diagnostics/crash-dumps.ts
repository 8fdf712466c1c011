/**
 * Crash reports a native crash left behind. Electron's crash reporter (Crashpad) writes a
 * minidump (.dmp) under the crash dumps folder and uploads nothing; the next start looks
 * for dumps it has not reported yet, so that it can say the app closed unexpectedly and
 * where the report is. What was reported is remembered in a small JSON file.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../storage/atomic-write';

/** Dumps under `dumpsDir` (Crashpad keeps them in subfolders) not named in `reportedFile`; they are then recorded there. */
export async function takeNewCrashDumps(dumpsDir: string, reportedFile: string): Promise<string[]> {
  const dumps = await findDumps(dumpsDir);
  const reported = new Set(await readReported(reportedFile));
  const fresh = dumps.filter((dump) => !reported.has(dump));
  // Only dumps that still exist are kept, so the record stays as small as the folder.
  if (fresh.length > 0) await writeFileAtomic(reportedFile, `${JSON.stringify(dumps, null, 2)}\n`);
  return fresh;
}

async function findDumps(dumpsDir: string): Promise<string[]> {
  try {
    const names = await readdir(dumpsDir, { recursive: true });
    return names.filter((name) => name.toLowerCase().endsWith('.dmp')).map((name) => join(dumpsDir, name)).sort();
  } catch (fault) {
    if ((fault as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw fault;
  }
}

/** A record that is missing or unreadable reports every dump once more rather than none. */
async function readReported(reportedFile: string): Promise<string[]> {
  try {
    const parsed: unknown = JSON.parse(await readFile(reportedFile, 'utf8'));
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}
