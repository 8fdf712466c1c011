/** Win32 error codes the app names; values from winerror.h. */
export const NO_ERROR = 0;
export const ERROR_FILE_NOT_FOUND = 2;
export const ERROR_PATH_NOT_FOUND = 3;
export const ERROR_ACCESS_DENIED = 5;
export const ERROR_WRITE_PROTECT = 19;
export const ERROR_WRITE_FAULT = 29;
export const ERROR_NOT_SUPPORTED = 50;
export const ERROR_INVALID_PARAMETER = 87;
export const ERROR_DISK_FULL = 112;
export const ERROR_PROC_NOT_FOUND = 127;
export const ERROR_NOT_FOUND = 1168;
export const ERROR_INTERNAL_ERROR = 1359;
export const ERROR_OBJECT_ALREADY_EXISTS = 5010;

const SYMBOLS: Readonly<Record<number, string>> = {
  [NO_ERROR]: 'NO_ERROR',
  [ERROR_FILE_NOT_FOUND]: 'ERROR_FILE_NOT_FOUND',
  [ERROR_PATH_NOT_FOUND]: 'ERROR_PATH_NOT_FOUND',
  [ERROR_ACCESS_DENIED]: 'ERROR_ACCESS_DENIED',
  [ERROR_WRITE_PROTECT]: 'ERROR_WRITE_PROTECT',
  [ERROR_WRITE_FAULT]: 'ERROR_WRITE_FAULT',
  [ERROR_NOT_SUPPORTED]: 'ERROR_NOT_SUPPORTED',
  [ERROR_INVALID_PARAMETER]: 'ERROR_INVALID_PARAMETER',
  [ERROR_DISK_FULL]: 'ERROR_DISK_FULL',
  [ERROR_PROC_NOT_FOUND]: 'ERROR_PROC_NOT_FOUND',
  [ERROR_NOT_FOUND]: 'ERROR_NOT_FOUND',
  [ERROR_INTERNAL_ERROR]: 'ERROR_INTERNAL_ERROR',
  [ERROR_OBJECT_ALREADY_EXISTS]: 'ERROR_OBJECT_ALREADY_EXISTS',
};

/** The winerror.h name of a code, or a hex form for codes the app does not name. */
export function win32Symbol(code: number): string {
  return Object.hasOwn(SYMBOLS, code) ? SYMBOLS[code]! : `0x${(code >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;
}
