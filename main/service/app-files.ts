/** Where the app keeps what it writes: the audit trail and the saved set, in one data folder. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_LOG_FILE } from '../../app/audit';
import { SAVED_SET_FILE } from '../../app/saved-set';
import { AuditLog } from '../audit/audit-log';
import { SavedSetStore } from '../storage/saved-set-store';

export interface AppFiles {
  audit: AuditLog;
  savedSet: SavedSetStore;
}

export function appFilesIn(dataDir: string): AppFiles {
  mkdirSync(dataDir, { recursive: true });
  return { audit: new AuditLog(join(dataDir, AUDIT_LOG_FILE)), savedSet: new SavedSetStore(join(dataDir, SAVED_SET_FILE)) };
}
