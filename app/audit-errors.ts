/**
 * What a person is told when the audit log cannot be written: a change refused because
 * its intent could not be recorded, or a change made whose outcome could not be.
 */
import { win32Symbol } from './win32-errors';
import type { AppError } from './model';

/** Why the log file could not be written, in words, and what fixes it. */
export interface WriteFault {
  /** The Win32 code closest to the cause. */
  code: number;
  /** The file system's own words, for a ticket. */
  systemMessage: string;
  /** Completes "… cannot be written: " */
  cause: string;
  todo: string;
}

export interface ChangeContext {
  operation: 'create' | 'delete';
  address: string;
  interfaceLabel: string;
  /** The audit log file. */
  path: string;
}

const VERB = { create: 'add', delete: 'remove' } as const;
const DONE = { create: 'added to', delete: 'removed from' } as const;

function base(fault: WriteFault, change: ChangeContext): Pick<AppError, 'code' | 'symbol' | 'systemMessage' | 'operation' | 'address' | 'interfaceLabel'> {
  return {
    code: fault.code,
    symbol: win32Symbol(fault.code),
    systemMessage: fault.systemMessage,
    operation: change.operation,
    address: change.address,
    interfaceLabel: change.interfaceLabel,
  };
}

/** The intent could not be written, so Windows was not asked. */
export function changeRefusedError(fault: WriteFault, change: ChangeContext): AppError {
  return {
    ...base(fault, change),
    title: 'Not changed: the audit log cannot be written',
    what: `Anycast Manager did not ${VERB[change.operation]} ${change.address}: the audit log ${change.path} cannot be written: ${fault.cause}.`,
    why: 'Every change is recorded in the audit log before it is made, so that each one can be traced to who made it. A change that cannot be recorded is not made.',
    todo: `${fault.todo} Then try again.`,
  };
}

/** Windows made the change, and its outcome could not be written after it. */
export function changeNotRecordedWarning(fault: WriteFault, change: ChangeContext): AppError {
  return {
    ...base(fault, change),
    title: `${change.operation === 'create' ? 'Added' : 'Removed'}, but the result is not on record`,
    what: `${change.address} was ${DONE[change.operation]} ${change.interfaceLabel}, but the audit log ${change.path} could not record the result: ${fault.cause}.`,
    why: 'The attempt was recorded before the change, so the audit log shows this change with no outcome recorded. Further changes are refused while the log cannot be written.',
    todo: `${fault.todo} The anycast list shows what is on the computer now.`,
  };
}
