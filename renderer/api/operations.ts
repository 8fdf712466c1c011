import type { Method } from '../../app/ipc-contract';
import type { Operation } from '../../app/model';

/** The Operation an AppError names for each API method. */
export const OPERATION_OF: Readonly<Record<Method, Operation>> = {
  getStatus: 'status',
  listInterfaces: 'list-interfaces',
  listAnycast: 'list-anycast',
  getAnycast: 'get',
  createAnycast: 'create',
  deleteAnycast: 'delete',
};
