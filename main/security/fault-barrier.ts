/**
 * The last guard of "no exception crosses IPC": the service promises never to
 * throw, and if it breaks that promise anyway (a schema refinement that throws,
 * say) the caller still gets a typed internal error and the fault is logged.
 */
import { win32Error } from '../../app/error-catalogue';
import { contract, isMethod, type Result } from '../../app/ipc-contract';
import { ERROR_INTERNAL_ERROR } from '../../app/win32-errors';

export type FaultLog = (method: string, fault: unknown) => void;

export async function replyWithoutThrowing(
  method: unknown,
  call: () => Promise<Result<unknown>>,
  logFault: FaultLog,
): Promise<Result<unknown>> {
  try {
    return await call();
  } catch (fault) {
    logFault(String(method), fault);
    const operation = isMethod(method) ? contract[method].operation : 'status';
    return { ok: false, error: win32Error(ERROR_INTERNAL_ERROR, '', { operation }) };
  }
}
