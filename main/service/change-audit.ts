/**
 * No change without a record: the intent is written before the backend is called and
 * the outcome after. A change whose intent cannot be written is refused; a change whose
 * outcome cannot be written is reported as made and not on record.
 */
import { randomUUID } from 'node:crypto';
import { changeNotRecordedWarning, changeRefusedError, type ChangeContext } from '../../app/audit-errors';
import type { AppError, BackendKind } from '../../app/model';
import { NO_ERROR, win32Symbol } from '../../app/win32-errors';
import type { AuditLog } from '../audit/audit-log';
import { describeWriteFault } from '../audit/write-fault';
import type { AnycastRow, Win32Result } from '../backends/backend';

export interface ChangeAuditOptions {
  audit: AuditLog;
  identity: { machine: string; user: string };
  backend: BackendKind;
  now: () => Date;
  logFault?: (method: string, fault: unknown) => void;
}

/** A change whose intent is on record. */
export interface BegunChange {
  id: string;
  context: ChangeContext;
}

export class ChangeAudit {
  constructor(private readonly options: ChangeAuditOptions) {}

  async begin(operation: 'create' | 'delete', row: AnycastRow, interfaceLabel: string): Promise<{ ok: true; change: BegunChange } | { ok: false; error: AppError }> {
    const { audit, identity, backend, now, logFault } = this.options;
    const context: ChangeContext = { operation, address: row.address, interfaceLabel, path: audit.path };
    try {
      await audit.rotateIfFull();
    } catch (fault) {
      // The current file keeps growing until a rotation succeeds; the record itself can still be written.
      logFault?.('audit-rotation', fault);
    }
    const id = randomUUID();
    try {
      audit.writeIntent({
        kind: 'intent',
        id,
        time: now().toISOString(),
        ...identity,
        backend,
        operation,
        address: row.address,
        family: row.family,
        interfaceLuid: row.interfaceLuid.toString(),
        interfaceIndex: row.interfaceIndex,
        interfaceLabel,
      });
    } catch (fault) {
      logFault?.('audit', fault);
      return { ok: false, error: changeRefusedError(describeWriteFault(fault, audit.path), context) };
    }
    return { ok: true, change: { id, context } };
  }

  /** Undefined when the outcome is on record; else the warning the person must see. */
  finish(change: BegunChange, result: Win32Result<unknown>): AppError | undefined {
    const { audit, now, logFault } = this.options;
    const code = result.ok ? NO_ERROR : result.code;
    try {
      audit.writeOutcome({ kind: 'outcome', id: change.id, time: now().toISOString(), resultCode: code, result: win32Symbol(code) });
      return undefined;
    } catch (fault) {
      logFault?.('audit', fault);
      return changeNotRecordedWarning(describeWriteFault(fault, audit.path), change.context);
    }
  }
}
