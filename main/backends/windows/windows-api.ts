/**
 * Loads iphlpapi, kernel32 and advapi32 with koffi and binds the functions declared
 * in iphlpapi-functions.ts, typed by those same declarations. Every call that asks the
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
import {
  ADVAPI32_FUNCTIONS,
  ANYCAST_FUNCTIONS,
  IF_TABLE2_EX_FUNCTIONS,
  IPHLPAPI_FUNCTIONS,
  KERNEL32_FUNCTIONS,
  NOTIFY_FUNCTIONS,
  type Advapi32Bindings,
  type AnycastBindings,
  type Bindings,
  type FunctionSpec,
  type IfTable2ExBindings,
  type IphlpapiBindings,
  type Kernel32Bindings,
  type NotifyBindings,
} from './iphlpapi-functions';
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
    const optional = <Specs extends Record<string, FunctionSpec>>(specs: Specs) => {
      try {
        return bindAll(iphlpapi, libraries.iphlpapi, specs, options);
      } catch {
        return null;
      }
    };
    return {
      iphlpapi: bindAll(iphlpapi, libraries.iphlpapi, IPHLPAPI_FUNCTIONS, options),
      exports: findExports(iphlpapi, { ...ANYCAST_FUNCTIONS, ...IF_TABLE2_EX_FUNCTIONS, ...NOTIFY_FUNCTIONS }),
      ifTable2Ex: optional(IF_TABLE2_EX_FUNCTIONS),
      anycast: optional(ANYCAST_FUNCTIONS),
      notify: optional(NOTIFY_FUNCTIONS),
      kernel32: bindAll(kernel32, libraries.kernel32, KERNEL32_FUNCTIONS, options),
      advapi32: bindAll(advapi32, libraries.advapi32, ADVAPI32_FUNCTIONS, options),
      unload() {
        for (const lib of loaded) lib.unload();
      },
    };
  } catch (fault) {
    for (const lib of loaded) lib.unload();
    throw fault;
  }
}

export function loadLibrary(path: string): LibraryHandle {
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
 * a missing export. Each function is bound as its declaration's kind says.
 */
export function bindAll<Specs extends Record<string, FunctionSpec>>(lib: LibraryHandle, path: string, specs: Specs, options: NativeCallOptions): Bindings<Specs> {
  const bound: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    let fn: NativeFunction;
    try {
      fn = declare(lib, name, spec);
    } catch (fault) {
      throw new BackendLoadError('export', `${path}!${name}`, fault);
    }
    bound[name] = spec.kind === 'worker' ? asyncFunction(name, fn, options) : fn;
  }
  // koffi's functions are untyped; each one's type comes from the same declaration that bound it.
  return bound as Bindings<Specs>;
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
