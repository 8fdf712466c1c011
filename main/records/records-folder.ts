/**
 * Where the audit log and the saved set live. Changes made through Windows' own API by
 * an elevated process are recorded in a per-machine folder under ProgramData that only
 * administrators and SYSTEM can change (created with RECORDS_FOLDER_SDDL, checked at every
 * start); the account's own folder serves everything else: the simulated computer, a run
 * without administrator rights (which can change nothing on Windows) and other systems.
 */
import type { RecordsFolder } from '../../app/model';
import { RECORDS_FOLDER_SDDL, recordsAclProblems } from './records-acl';
import type { FolderSecurity } from './windows-folder-security';

export const RECORDS_FOLDER_NAME = 'Anycast Manager';

export interface RecordsPlace {
  /** The folder to keep the files in. */
  dir: string;
  folder: RecordsFolder;
}

export interface RecordsFolderOptions {
  /** The Windows backend, running elevated. */
  perMachine: boolean;
  userDataDir: string;
  logFault: (method: string, fault: unknown) => void;
  /** The Windows calls; loaded only when the records are per machine. */
  loadSecurity?: () => Promise<FolderSecurity>;
}

export async function openRecordsFolder({ perMachine, userDataDir, logFault, loadSecurity = loadWindowsSecurity }: RecordsFolderOptions): Promise<RecordsPlace> {
  const perUser = (access: RecordsFolder['access'], problems: string[]): RecordsPlace => ({ dir: userDataDir, folder: { path: userDataDir, access, problems } });
  if (!perMachine) return perUser('per-user', []);
  let security: FolderSecurity | undefined;
  let dir: string | undefined;
  try {
    security = await loadSecurity();
    dir = `${await security.programDataFolder()}\\${RECORDS_FOLDER_NAME}`;
    await security.createFolder(dir, RECORDS_FOLDER_SDDL);
  } catch (fault) {
    // Without the protected folder, the records stay in the account's folder, and the banner says why.
    logFault('records-folder', fault);
    return perUser('unverified', [`the per-machine folder${dir ? ` ${dir}` : ''} could not be created (${messageOf(fault)})`]);
  }
  try {
    const sddl = await security.readFolderSddl(dir);
    const problems = recordsAclProblems(sddl);
    if (problems.length > 0) logFault('records-folder', new Error(`${dir} lets others than administrators change the records: ${problems.join('; ')} (${sddl})`));
    return { dir, folder: { path: dir, access: problems.length > 0 ? 'loosened' : 'administrators-only', problems } };
  } catch (fault) {
    logFault('records-folder', fault);
    return { dir, folder: { path: dir, access: 'unverified', problems: [`its permissions could not be read (${messageOf(fault)})`] } };
  } finally {
    security.unload();
  }
}

async function loadWindowsSecurity(): Promise<FolderSecurity> {
  const [{ loadFolderSecurity }, { systemDirectory }] = await Promise.all([import('./windows-folder-security'), import('../backends/windows/windows-api')]);
  return loadFolderSecurity(systemDirectory());
}

function messageOf(fault: unknown): string {
  return fault instanceof Error ? fault.message : String(fault);
}
