/**
 * The last guard of "no exception crosses IPC": the service promises never to
 * throw, and if it breaks that promise anyway (a schema refinement that throws,
 * say) the caller still gets a typed internal error and the fault is logged.
 */
import { win32Error } from '../../app/error-catalogue';
import { isMethod, type Method, type Result } from '../../app/ipc-contract';
import type { Operation } from '../../app/model';
import { ERROR_INTERNAL_ERROR } from '../../app/win32-errors';

export type FaultLog = (method: string, fault: unknown) => void;

const OPERATIONS: Record<Method, Operation> = {
  getStatus: 'status',
  listInterfaces: 'list-interfaces',
  listAnycast: 'list-anycast',
  getAnycast: 'get',
  createAnycast: 'create',
  deleteAnycast: 'delete',
};

export async function replyWithoutThrowing(
  method: unknown,
  call: () => Promise<Result<unknown>>,
  logFault: FaultLog,
): Promise<Result<unknown>> {
  try {
    return await call();
  } catch (fault) {
    logFault(String(method), fault);
    const operation = isMethod(method) ? OPERATIONS[method] : 'status';
    return { ok: false, error: win32Error(ERROR_INTERNAL_ERROR, '', { operation }) };
  }
}
