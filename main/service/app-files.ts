/** Where the app keeps what it writes: the audit trail and the saved set, in one data folder. */
import type { RecordsFolder } from '../../app/model';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_LOG_FILE } from '../../app/audit';
import { SAVED_SET_FILE } from '../../app/saved-set';
import { AuditLog } from '../audit/audit-log';
import { SavedSetStore } from '../storage/saved-set-store';

export interface AppFiles {
  audit: AuditLog;
  savedSet: SavedSetStore;
  /** The folder and who can change it, for the status the renderer shows. */
  folder: RecordsFolder;
}

/** `folder` describes a protected folder; without it, dataDir is the account's own. */
export function appFilesIn(dataDir: string, folder: RecordsFolder = { path: dataDir, access: 'per-user', problems: [] }): AppFiles {
  mkdirSync(dataDir, { recursive: true });
  return { audit: new AuditLog(join(dataDir, AUDIT_LOG_FILE)), savedSet: new SavedSetStore(join(dataDir, SAVED_SET_FILE)), folder };
}
