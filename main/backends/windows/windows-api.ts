/**
 * Loads iphlpapi, kernel32 and advapi32 with koffi and binds the functions declared
 * in iphlpapi-types.ts, typed for the rest of the backend. The four anycast functions
 * are bound separately: a system without them (Wine, an old Windows) must still list
 * its interfaces and say clearly that the anycast API is missing. So are the change
 * notifications, which only spare the app some polling.
 */
import koffi, { type LibraryHandle } from 'koffi';
import type { AnycastRowValue, U64Value } from './iphlpapi-decode';
import {
  ADVAPI32_FUNCTIONS,
  ANYCAST_FUNCTIONS,
  IPHLPAPI_FUNCTIONS,
  KERNEL32_FUNCTIONS,
  NOTIFY_FUNCTIONS,
  type FunctionSpec,
} from './iphlpapi-types';

export interface WindowsLibraries {
  iphlpapi: string;
  kernel32: string;
  advapi32: string;
}

/**
 * The system's own copies, by full path. The app runs elevated, and Windows looks for a
 * bare name in the application's folder before System32 (iphlpapi is not a KnownDLL,
 * which would be exempt): a DLL planted beside the app would run with administrator rights.
 */
export function systemLibraries(system32: string): WindowsLibraries {
  return {
    iphlpapi: `${system32}\\iphlpapi.dll`,
    kernel32: `${system32}\\kernel32.dll`,
    advapi32: `${system32}\\advapi32.dll`,
  };
}

/** MAX_PATH; System32's path is far shorter. */
const PATH_CHARS = 260;

/**
 * System32 as Windows reports it (GetSystemDirectoryW), not from the SystemRoot variable:
 * a user can set environment variables that an elevated process inherits. kernel32 is a
 * KnownDLL, so its bare name can only load the system's own copy.
 */
export function systemDirectory(): string {
  const kernel32 = koffi.load('kernel32.dll');
  try {
    const getSystemDirectory = kernel32.func('__stdcall', 'GetSystemDirectoryW', 'uint32_t', ['void *', 'uint32_t']);
    const buffer = new Uint16Array(PATH_CHARS);
    const length = getSystemDirectory(buffer, PATH_CHARS) as number;
    if (length === 0 || length >= PATH_CHARS) throw new Error(`GetSystemDirectoryW failed (returned ${length})`);
    return String.fromCharCode(...buffer.subarray(0, length));
  } finally {
    kernel32.unload();
  }
}

/** koffi's out-parameters: a one-element array it fills in. */
export type Out<T> = [T];

/** A pointer as koffi 3 represents it, null for NULL. */
export type Pointer = bigint | null;

export interface IphlpapiBindings {
  GetIfTable2(table: Out<Pointer>): number;
  GetIpInterfaceTable(family: number, table: Out<Pointer>): number;
  GetUnicastIpAddressTable(family: number, table: Out<Pointer>): number;
  FreeMibTable(memory: bigint): void;
  ConvertInterfaceLuidToIndex(luid: [bigint], index: Out<number>): number;
  ConvertInterfaceIndexToLuid(index: number, luid: Out<U64Value>): number;
}

export interface AnycastBindings {
  GetAnycastIpAddressTable(family: number, table: Out<Pointer>): number;
  CreateAnycastIpAddressEntry(row: AnycastRowValue): number;
  DeleteAnycastIpAddressEntry(row: AnycastRowValue): number;
  /** In/out: koffi writes the row Windows found back into the object passed. */
  GetAnycastIpAddressEntry(row: AnycastRowValue): number;
}

export interface NotifyBindings {
  /** `callback` is a koffi.register() pointer of type IP_INTERFACE_CHANGE_CALLBACK. */
  NotifyIpInterfaceChange(family: number, callback: bigint, context: null, initialNotification: number, handle: Out<Pointer>): number;
  /**
   * Only ever called asynchronously, on a worker thread: it waits for a callback in
   * progress, and koffi runs that callback's JS on the main thread, which must be free.
   */
  CancelMibChangeNotify2: { async(handle: Pointer, done: (error: unknown, code: number) => void): void };
}

export interface Kernel32Bindings {
  FormatMessageW(
    flags: number,
    source: null,
    messageId: number,
    languageId: number,
    buffer: Uint16Array,
    size: number,
    args: null,
  ): number;
}

export interface Advapi32Bindings {
  AllocateAndInitializeSid(
    authority: { Value: number[] },
    subAuthorityCount: number,
    s0: number, s1: number, s2: number, s3: number, s4: number, s5: number, s6: number, s7: number,
    sid: Out<Pointer>,
  ): number;
  CheckTokenMembership(token: null, sid: bigint, isMember: Out<number>): number;
  FreeSid(sid: bigint): Pointer;
}

export interface WindowsApi {
  iphlpapi: IphlpapiBindings;
  /** null when iphlpapi lacks any of the four anycast functions. */
  anycast: AnycastBindings | null;
  /** null when iphlpapi lacks NotifyIpInterfaceChange or CancelMibChangeNotify2. */
  notify: NotifyBindings | null;
  kernel32: Kernel32Bindings;
  advapi32: Advapi32Bindings;
  unload(): void;
}

export function loadWindowsApi(libraries: WindowsLibraries): WindowsApi {
  const iphlpapi = koffi.load(libraries.iphlpapi);
  const kernel32 = koffi.load(libraries.kernel32);
  const advapi32 = koffi.load(libraries.advapi32);
  return {
    iphlpapi: bindAll<IphlpapiBindings>(iphlpapi, IPHLPAPI_FUNCTIONS),
    anycast: bindIfExported<AnycastBindings>(iphlpapi, ANYCAST_FUNCTIONS),
    notify: bindIfExported<NotifyBindings>(iphlpapi, NOTIFY_FUNCTIONS),
    kernel32: bindAll<Kernel32Bindings>(kernel32, KERNEL32_FUNCTIONS),
    advapi32: bindAll<Advapi32Bindings>(advapi32, ADVAPI32_FUNCTIONS),
    unload() {
      for (const lib of [iphlpapi, kernel32, advapi32]) lib.unload();
    },
  };
}

/**
 * __stdcall is what WINAPI means; koffi applies it on 32-bit x86 and uses the
 * platform's one convention elsewhere (Windows x64, and the C test library on Linux).
 */
function bindAll<T>(lib: LibraryHandle, specs: Record<keyof T & string, FunctionSpec>): T {
  const bound: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries<FunctionSpec>(specs)) {
    bound[name] = lib.func('__stdcall', name, spec.result, spec.params);
  }
  return bound as T;
}

/**
 * koffi throws from lib.func when the library does not export a name. The declarations
 * themselves are exercised by the tests against the C library, so an error here means
 * a missing export.
 */
function bindIfExported<T>(lib: LibraryHandle, specs: Record<keyof T & string, FunctionSpec>): T | null {
  try {
    return bindAll<T>(lib, specs);
  } catch {
    return null;
  }
}
