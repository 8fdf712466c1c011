import { ERROR_NOT_FOUND, ERROR_OBJECT_ALREADY_EXISTS } from '../../app/win32-errors';
import { fail, type AnycastRow } from '../../main/backends/backend';
import { SimulatedBackend } from '../../main/backends/simulated/simulated-backend';

/**
 * The simulated computer with its duplicate check and its insert apart, a turn of the
 * event loop between them, as a system call on a worker thread leaves them: two creates
 * of one row that overlap both pass the check, and both insert. Only a caller that runs
 * writes one at a time gets one success from it.
 */
export class CheckThenInsertBackend extends SimulatedBackend {
  override async createAnycast(row: AnycastRow) {
    const existing = await this.getAnycast(row);
    await new Promise((resolve) => setImmediate(resolve));
    if (existing.ok) return fail(ERROR_OBJECT_ALREADY_EXISTS);
    if (existing.code !== ERROR_NOT_FOUND) return fail(existing.code);
    // The insert trusts the check made before it: whatever arrived since is overwritten.
    await super.deleteAnycast(row);
    return super.createAnycast(row);
  }
}
