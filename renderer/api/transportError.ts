/**
 * AppErrors for failures between the renderer and main, where no Windows code
 * exists: they are faults of the app's plumbing, so they carry ERROR_INTERNAL_ERROR.
 */
import { contract, type Method } from '../../app/ipc-contract';
import type { AppError } from '../../app/model';
import { ERROR_INTERNAL_ERROR, win32Symbol } from '../../app/win32-errors';

export type TransportFailure =
  | { kind: 'unreachable'; detail: string }
  | { kind: 'http-status'; status: number; statusText: string }
  | { kind: 'unreadable'; detail: string };

const WORDS: Record<TransportFailure['kind'], Pick<AppError, 'title' | 'what' | 'why' | 'todo'>> = {
  unreachable: {
    title: 'Cannot reach Anycast Manager',
    what: 'The window could not send the request to the Anycast Manager service.',
    why: 'The part of Anycast Manager that talks to Windows did not answer. It may have stopped or restarted (in the browser preview: the terminal running npm start was closed). Nothing was changed.',
    todo: 'Check that Anycast Manager is still running, reload this window (Ctrl+Shift+R), and try again.',
  },
  'http-status': {
    title: 'The service refused the request',
    what: 'The Anycast Manager service answered with an error instead of a result.',
    why: 'The page may belong to an earlier session of the service (its access token no longer matches), or the service hit a fault. Nothing was changed.',
    todo: 'Reload this window and try again. If it happens again, use Copy details and report it.',
  },
  unreadable: {
    title: 'Unreadable reply from the service',
    what: 'The Anycast Manager service sent a reply the window could not read.',
    why: 'This is a fault in Anycast Manager, not in your network settings. The request may or may not have been carried out.',
    todo: 'Select Refresh to see the current state, then try again. If it happens again, use Copy details and report it.',
  },
};

function systemMessageOf(failure: TransportFailure): string {
  switch (failure.kind) {
    case 'unreachable':
      return `Network request failed: ${failure.detail}`;
    case 'http-status':
      return `HTTP ${failure.status}${failure.statusText ? ` ${failure.statusText}` : ''}`;
    case 'unreadable':
      return `Reply could not be read: ${failure.detail}`;
  }
}

export function transportError(method: Method, failure: TransportFailure, request: unknown): AppError {
  const address = typeof request === 'object' && request !== null && 'address' in request ? request.address : undefined;
  return {
    code: ERROR_INTERNAL_ERROR,
    symbol: win32Symbol(ERROR_INTERNAL_ERROR),
    systemMessage: systemMessageOf(failure),
    ...WORDS[failure.kind],
    operation: contract[method].operation,
    ...(typeof address === 'string' ? { address } : {}),
  };
}

export function describeThrown(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown);
}
