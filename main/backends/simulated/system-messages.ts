/** The texts Windows' FormatMessage gives (en-US) for the codes the simulated backend returns. */
import {
  ERROR_ACCESS_DENIED,
  ERROR_INVALID_PARAMETER,
  ERROR_NOT_FOUND,
  ERROR_NOT_SUPPORTED,
  ERROR_OBJECT_ALREADY_EXISTS,
  ERROR_PROC_NOT_FOUND,
} from '../../../app/win32-errors';

const MESSAGES: Readonly<Record<number, string>> = {
  [ERROR_ACCESS_DENIED]: 'Access is denied.',
  [ERROR_NOT_SUPPORTED]: 'The request is not supported.',
  [ERROR_INVALID_PARAMETER]: 'The parameter is incorrect.',
  [ERROR_PROC_NOT_FOUND]: 'The specified procedure could not be found.',
  [ERROR_NOT_FOUND]: 'Element not found.',
  [ERROR_OBJECT_ALREADY_EXISTS]: 'The object already exists.',
};

export function simulatedSystemMessage(code: number): string {
  return Object.hasOwn(MESSAGES, code) ? MESSAGES[code]! : '';
}
