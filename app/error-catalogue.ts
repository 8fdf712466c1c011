/**
 * The error catalogue: each Win32 code the anycast functions return, told as
 * what happened, why (from the API document's remarks, in plain words) and what to do.
 */
import type { AppError, Operation } from './model';
import {
  ERROR_ACCESS_DENIED,
  ERROR_FILE_NOT_FOUND,
  ERROR_INTERNAL_ERROR,
  ERROR_INVALID_PARAMETER,
  ERROR_NOT_FOUND,
  ERROR_NOT_SUPPORTED,
  ERROR_OBJECT_ALREADY_EXISTS,
  ERROR_PROC_NOT_FOUND,
  win32Symbol,
} from './win32-errors';

export interface CatalogueEntry {
  title: string;
  what: string;
  why: string;
  todo: string;
}

const ENTRIES: Readonly<Record<number, CatalogueEntry>> = {
  [ERROR_ACCESS_DENIED]: {
    title: 'Administrator rights needed',
    what: 'Windows refused to change the anycast addresses on this computer.',
    why:
      'Only a member of the Administrators group can add or remove anycast addresses, and with User Account Control ' +
      'the app must itself be running elevated ("Run as administrator"); being an administrator is not enough on its own.',
    todo: 'Close Anycast Manager and start it again with "Run as administrator", or ask an administrator to make the change.',
  },
  [ERROR_INVALID_PARAMETER]: {
    title: 'Windows did not accept the request',
    what: 'The address or the interface in the request was not valid.',
    why:
      'Windows needs a valid unicast IPv4 or IPv6 address and an interface identified by its LUID or index. ' +
      'Multicast, broadcast and unspecified addresses are refused, and so is a request that names no interface.',
    todo: 'Check the address for typing mistakes, choose an interface from the list, and try again.',
  },
  [ERROR_NOT_FOUND]: {
    title: 'Not found',
    what: 'The interface or the anycast address could not be found.',
    why:
      'The interface may have been removed or renamed since the list was loaded (a VPN or USB adapter that was ' +
      'disconnected, for example), or the anycast address was already removed.',
    todo: 'Select Refresh to reload the interfaces and addresses, then try again.',
  },
  [ERROR_FILE_NOT_FOUND]: {
    title: 'Interface not found',
    what: 'Windows does not know the interface the request named.',
    why:
      'The interface\'s LUID or index is not one on this computer any more: the adapter may have been removed, or ' +
      'given a new index, since the list was loaded (a VPN or USB adapter that was reconnected, for example).',
    todo: 'Select Refresh to reload the interfaces, then choose the interface again.',
  },
  [ERROR_NOT_SUPPORTED]: {
    title: 'This interface cannot take that kind of address',
    what: 'The address family is not available on the chosen interface.',
    why:
      'An IPv4 address needs an interface with an IPv4 stack and an IPv6 address needs one with an IPv6 stack. ' +
      'The chosen interface, or this computer, does not have the stack for this address.',
    todo: 'Pick an interface whose Stacks column lists the address family you are adding (for example, one with IPv6 for an IPv6 address).',
  },
  [ERROR_OBJECT_ALREADY_EXISTS]: {
    title: 'Address already present',
    what: 'This anycast address is already on the chosen interface.',
    why: 'An interface can hold each anycast address once. The same address can be added to a different interface.',
    todo: 'Nothing needs to change if the existing entry is the one you wanted. Otherwise choose another interface or address.',
  },
  [ERROR_PROC_NOT_FOUND]: {
    title: 'Anycast functions unavailable',
    what: 'This system does not provide the Windows anycast address functions.',
    why: 'The anycast functions of the IP Helper API exist on Windows Vista and later. This system\'s iphlpapi.dll does not export them.',
    todo: 'Run Anycast Manager on Windows Vista or later. The interface list still works here, and --demo starts a simulated computer.',
  },
  [ERROR_INTERNAL_ERROR]: {
    title: 'Anycast Manager hit an internal error',
    what: 'The request failed inside the app before Windows answered.',
    why: 'This is a fault in Anycast Manager, not in your network settings. Nothing was changed.',
    todo: 'Select Refresh and try again. If it happens again, use Copy details and report it.',
  },
};

const FALLBACK: CatalogueEntry = {
  title: 'Windows reported an error',
  what: 'Windows could not complete the request.',
  why: 'Windows returned an error the app has no specific advice for. The system message below is Windows\' own description.',
  todo: 'Read the system message, select Refresh, and try again. If it persists, use Copy details and attach them to a ticket.',
};

/** The catalogue's words for a code; any code the app does not know gets the general entry. */
export function catalogueEntry(code: number): CatalogueEntry {
  return Object.hasOwn(ENTRIES, code) ? ENTRIES[code]! : FALLBACK;
}

export function knownCodes(): number[] {
  return Object.keys(ENTRIES).map(Number);
}

/** Used when the system has no text for a code (FormatMessage returned nothing). */
export function fallbackSystemMessage(code: number): string {
  return `No system message is available for error ${code}.`;
}

export interface ErrorContext {
  operation: Operation;
  address?: string;
  interfaceLabel?: string;
}

export function win32Error(code: number, systemMessage: string, context: ErrorContext): AppError {
  return {
    code,
    symbol: win32Symbol(code),
    systemMessage: systemMessage.trim() || fallbackSystemMessage(code),
    ...catalogueEntry(code),
    ...context,
  };
}

/** A request the app refused before calling Windows: worded like a Windows refusal, with the specific reason. */
export function invalidRequestError(reason: string, systemMessage: string, context: ErrorContext): AppError {
  return {
    ...win32Error(ERROR_INVALID_PARAMETER, systemMessage, context),
    title: 'The request was not sent to Windows',
    what: reason,
  };
}

/** Plain text for a ticket: everything in the dialog, one fact per line. */
export function errorDetailsText(error: AppError, machine: { hostname?: string; when: Date }): string {
  const lines = [
    `Anycast Manager error: ${error.title}`,
    `Time: ${machine.when.toISOString()}`,
    ...(machine.hostname ? [`Machine: ${machine.hostname}`] : []),
    `Operation: ${error.operation}`,
    ...(error.address ? [`Address: ${error.address}`] : []),
    ...(error.interfaceLabel ? [`Interface: ${error.interfaceLabel}`] : []),
    `Code: ${error.code} (${error.symbol})`,
    `System message: ${error.systemMessage}`,
    `What happened: ${error.what}`,
    `Why: ${error.why}`,
    `What to do: ${error.todo}`,
  ];
  return lines.join('\n');
}
