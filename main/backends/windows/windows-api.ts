/**
 * Loads iphlpapi, kernel32 and advapi32 with koffi and binds the functions declared
 * in iphlpapi-types.ts, typed for the rest of the backend. Every call that asks the
 * network stack or the security system something runs on a worker thread and returns a
 * promise (native-call.ts); only calls that return at once stay synchronous. The four
 * anycast functions are bound separately: a system without them (Wine, an old Windows)
 * must still list its interfaces and say clearly that the anycast API is missing. So are
 * GetIfTable2Ex, which has GetIfTable2 to fall back on, and the change notifications,
 * which only spare the app some polling.
 */
import koffi, { type LibraryHandle } from 'koffi';
import type { LibraryExport } from '../backend';
import { BackendLoadError } from '../backend-load-error';
import type { AnycastRowValue, U64Value } from './iphlpapi-decode';
import {
  ADVAPI32_FUNCTIONS,
  ANYCAST_FUNCTIONS,
  IF_TABLE2_EX_FUNCTIONS,
  IPHLPAPI_FUNCTIONS,
  KERNEL32_FUNCTIONS,
  NOTIFY_FUNCTIONS,
  type FunctionSpec,
} from './iphlpapi-types';
import { asyncFunction, type NativeCallOptions, type NativeFunction } from './native-call';

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
  const kernel32 = loadLibrary('kernel32.dll');
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
  GetIfTable2(table: Out<Pointer>): Promise<number>;
  GetIpInterfaceTable(family: number, table: Out<Pointer>): Promise<number>;
  GetUnicastIpAddressTable(family: number, table: Out<Pointer>): Promise<number>;
  /** Only releases memory, so it runs where it is called. */
  FreeMibTable(memory: bigint): void;
  ConvertInterfaceLuidToIndex(luid: [bigint], index: Out<number>): Promise<number>;
  ConvertInterfaceIndexToLuid(index: number, luid: Out<U64Value>): Promise<number>;
}

export interface IfTable2ExBindings {
  /** `level` is a MIB_IF_TABLE_LEVEL. */
  GetIfTable2Ex(level: number, table: Out<Pointer>): Promise<number>;
}

export interface AnycastBindings {
  GetAnycastIpAddressTable(family: number, table: Out<Pointer>): Promise<number>;
  CreateAnycastIpAddressEntry(row: AnycastRowValue): Promise<number>;
  DeleteAnycastIpAddressEntry(row: AnycastRowValue): Promise<number>;
  /** In/out: koffi writes the row Windows found back into the object passed, once the call has returned. */
  GetAnycastIpAddressEntry(row: AnycastRowValue): Promise<number>;
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
  /** Reads a message table already loaded with the DLL, so it runs where it is called. */
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
  ): Promise<number>;
  CheckTokenMembership(token: null, sid: bigint, isMember: Out<number>): Promise<number>;
  /** Only releases memory, so it runs where it is called. */
  FreeSid(sid: bigint): Pointer;
}

export interface WindowsApi {
  iphlpapi: IphlpapiBindings;
  /** Each optional iphlpapi export, found or not: what the start-up log and the self-test report. */
  exports: readonly LibraryExport[];
  /** null when iphlpapi lacks GetIfTable2Ex. */
  ifTable2Ex: IfTable2ExBindings | null;
  /** null when iphlpapi lacks any of the four anycast functions. */
  anycast: AnycastBindings | null;
  /** null when iphlpapi lacks NotifyIpInterfaceChange or CancelMibChangeNotify2. */
  notify: NotifyBindings | null;
  kernel32: Kernel32Bindings;
  advapi32: Advapi32Bindings;
  /** Only once no call is running: a worker thread still inside a library would crash the process. */
  unload(): void;
}

/** Functions that return at once: they are called directly, everything else through `options.call`. */
const CALLED_INLINE: ReadonlySet<string> = new Set(['FreeMibTable', 'FreeSid', 'FormatMessageW']);

/**
 * Throws a BackendLoadError when a library does not load or lacks a function the backend
 * cannot do without. `options` decides how calls are made (a worker thread unless given)
 * and hears of slow ones.
 */
export function loadWindowsApi(libraries: WindowsLibraries, options: NativeCallOptions = {}): WindowsApi {
  const loaded: LibraryHandle[] = [];
  try {
    const [iphlpapi, kernel32, advapi32] = [libraries.iphlpapi, libraries.kernel32, libraries.advapi32].map((path) => {
      const lib = loadLibrary(path);
      loaded.push(lib);
      return lib;
    }) as [LibraryHandle, LibraryHandle, LibraryHandle];
    const bind = <T>(lib: LibraryHandle, path: string, specs: Record<keyof T & string, FunctionSpec>) => bindAll<T>(lib, path, specs, options);
    const bindOptional = <T>(lib: LibraryHandle, specs: Record<keyof T & string, FunctionSpec>) => {
      try {
        return bindAll<T>(lib, libraries.iphlpapi, specs, options);
      } catch {
        return null;
      }
    };
    return {
      iphlpapi: bind<IphlpapiBindings>(iphlpapi, libraries.iphlpapi, IPHLPAPI_FUNCTIONS),
      exports: findExports(iphlpapi, { ...ANYCAST_FUNCTIONS, ...IF_TABLE2_EX_FUNCTIONS, ...NOTIFY_FUNCTIONS }),
      ifTable2Ex: bindOptional<IfTable2ExBindings>(iphlpapi, IF_TABLE2_EX_FUNCTIONS),
      anycast: bindOptional<AnycastBindings>(iphlpapi, ANYCAST_FUNCTIONS),
      notify: bindNotify(iphlpapi),
      kernel32: bind<Kernel32Bindings>(kernel32, libraries.kernel32, KERNEL32_FUNCTIONS),
      advapi32: bind<Advapi32Bindings>(advapi32, libraries.advapi32, ADVAPI32_FUNCTIONS),
      unload() {
        for (const lib of loaded) lib.unload();
      },
    };
  } catch (fault) {
    for (const lib of loaded) lib.unload();
    throw fault;
  }
}

function loadLibrary(path: string): LibraryHandle {
  try {
    return koffi.load(path);
  } catch (fault) {
    throw new BackendLoadError('library', path, fault);
  }
}

/**
 * __stdcall is what WINAPI means; koffi applies it on 32-bit x86 and uses the
 * platform's one convention elsewhere (Windows x64, and the C test library on Linux).
 */
function declare(lib: LibraryHandle, name: string, spec: FunctionSpec): NativeFunction {
  return lib.func('__stdcall', name, spec.result, spec.params);
}

/**
 * koffi throws from lib.func when the library does not export a name. The declarations
 * themselves are exercised by the tests against the C library, so an error here means
 * a missing export.
 */
function bindAll<T>(lib: LibraryHandle, path: string, specs: Record<keyof T & string, FunctionSpec>, options: NativeCallOptions): T {
  const bound: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries<FunctionSpec>(specs)) {
    let fn: NativeFunction;
    try {
      fn = declare(lib, name, spec);
    } catch (fault) {
      throw new BackendLoadError('export', `${path}!${name}`, fault);
    }
    bound[name] = CALLED_INLINE.has(name) ? fn : asyncFunction(name, fn, options);
  }
  return bound as T;
}

/** Each name looked up on its own: the bindings above only say whether a whole group is there. */
function findExports(lib: LibraryHandle, specs: Record<string, FunctionSpec>): LibraryExport[] {
  return Object.entries(specs).map(([name, spec]) => {
    try {
      declare(lib, name, spec);
      return { name, found: true };
    } catch {
      return { name, found: false };
    }
  });
}

/**
 * Registering returns at once and the cancel has its own thread rule (interface-watch.ts),
 * so both are bound as koffi gives them.
 */
function bindNotify(lib: LibraryHandle): NotifyBindings | null {
  try {
    const bound = Object.fromEntries(Object.entries<FunctionSpec>(NOTIFY_FUNCTIONS).map(([name, spec]) => [name, declare(lib, name, spec)]));
    return bound as unknown as NotifyBindings;
  } catch {
    return null;
  }
}
