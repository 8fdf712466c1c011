/** A failed write of the audit log, told in words a technician can act on. */
import type { WriteFault } from '../../app/audit-errors';
import { ERROR_ACCESS_DENIED, ERROR_DISK_FULL, ERROR_PATH_NOT_FOUND, ERROR_WRITE_FAULT, ERROR_WRITE_PROTECT } from '../../app/win32-errors';
import { dirname } from 'node:path';

export function describeWriteFault(fault: unknown, path: string): WriteFault {
  const code = (fault as NodeJS.ErrnoException | undefined)?.code;
  const systemMessage = fault instanceof Error ? fault.message : String(fault);
  const folder = dirname(path);
  const words = (win32: number, cause: string, todo: string): WriteFault => ({ code: win32, systemMessage, cause, todo });
  switch (code) {
    case 'EISDIR':
      return words(ERROR_ACCESS_DENIED, 'a folder has taken its name', `Move or rename the folder ${path}, so that the log file can be created there.`);
    case 'ENOSPC':
    case 'EDQUOT':
      return words(ERROR_DISK_FULL, 'the disk is full', `Free some space on the disk that holds ${folder}.`);
    case 'EACCES':
    case 'EPERM':
      return words(
        ERROR_ACCESS_DENIED,
        'access is denied',
        `Make sure Anycast Manager runs as administrator, and that Administrators have full control of ${folder} and the log file in it.`,
      );
    case 'EROFS':
      return words(ERROR_WRITE_PROTECT, 'the disk is read-only', `Make the disk that holds ${folder} writable.`);
    case 'ENOENT':
    case 'ENOTDIR':
      return words(ERROR_PATH_NOT_FOUND, `its folder ${folder} does not exist`, `Restart Anycast Manager, which creates ${folder}, or create it.`);
    default:
      return words(ERROR_WRITE_FAULT, `the file system refused the write (${code ?? systemMessage})`, `Check that ${path} can be written.`);
  }
}
