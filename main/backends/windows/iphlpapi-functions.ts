/**
 * The system functions the Windows backend calls: each C declaration for koffi beside the
 * TypeScript signature the rest of the backend calls it with, so the two cannot drift
 * apart. How a function is bound follows from its kind: `worker` functions run on a libuv
 * worker thread and return a promise (native-call.ts); `inline` ones return at once and
 * run where they are called; `raw` ones are bound as koffi gives them.
 */
import koffi from 'koffi';
import type { AnycastRowValue, U64Value } from './iphlpapi-decode';
import {
  ADDRESS_FAMILY,
  BOOL,
  BOOLEAN,
  DWORD,
  ENUM,
  IP_INTERFACE_CHANGE_CALLBACK,
  NET_IFINDEX,
  NET_LUID,
  ROW_IN,
  SID_IDENTIFIER_AUTHORITY,
  VOID_PTR,
  VOID_PTR_OUT,
  type TypeSpec,
} from './iphlpapi-types';

/** koffi's out-parameters: a one-element array it fills in. */
export type Out<T> = [T];

/** A pointer as koffi 3 represents it, null for NULL. */
export type Pointer = bigint | null;

export type CallKind = 'worker' | 'inline' | 'raw';

/** A C declaration; `Signature` is the type only, the function as the backend calls it once bound. */
export interface FunctionSpec<Signature = unknown> {
  kind: CallKind;
  result: TypeSpec;
  params: TypeSpec[];
  readonly signature?: Signature;
}

export const worker = <S extends (...args: never[]) => Promise<unknown>>(result: TypeSpec, params: TypeSpec[]): FunctionSpec<S> => ({ kind: 'worker', result, params });
export const inline = <S extends (...args: never[]) => unknown>(result: TypeSpec, params: TypeSpec[]): FunctionSpec<S> => ({ kind: 'inline', result, params });
const raw = <S>(result: TypeSpec, params: TypeSpec[]): FunctionSpec<S> => ({ kind: 'raw', result, params });

/** The bound functions of a group of declarations, typed by the declarations themselves. */
export type Bindings<Specs> = { [Name in keyof Specs]: Specs[Name] extends FunctionSpec<infer S> ? S : never };

/** iphlpapi.dll exports present since Vista and under Wine. */
export const IPHLPAPI_FUNCTIONS = {
  GetIfTable2: worker<(table: Out<Pointer>) => Promise<number>>(DWORD, [VOID_PTR_OUT]),
  GetIpInterfaceTable: worker<(family: number, table: Out<Pointer>) => Promise<number>>(DWORD, [ADDRESS_FAMILY, VOID_PTR_OUT]),
  GetUnicastIpAddressTable: worker<(family: number, table: Out<Pointer>) => Promise<number>>(DWORD, [ADDRESS_FAMILY, VOID_PTR_OUT]),
  /** Only releases memory, so it runs where it is called. */
  FreeMibTable: inline<(memory: bigint) => void>('void', [VOID_PTR]),
  ConvertInterfaceLuidToIndex: worker<(luid: [bigint], index: Out<number>) => Promise<number>>(DWORD, [koffi.pointer(NET_LUID), koffi.out(koffi.pointer(NET_IFINDEX))]),
  ConvertInterfaceIndexToLuid: worker<(index: number, luid: Out<U64Value>) => Promise<number>>(DWORD, [NET_IFINDEX, koffi.out(koffi.pointer(NET_LUID))]),
};

/** GetIfTable2Ex (Vista and later, and Wine): where missing, GetIfTable2 reads the same table with statistics. */
export const IF_TABLE2_EX_FUNCTIONS = {
  /** `level` is a MIB_IF_TABLE_LEVEL. */
  GetIfTable2Ex: worker<(level: number, table: Out<Pointer>) => Promise<number>>(DWORD, [ENUM, VOID_PTR_OUT]),
};

/** The anycast exports: Wine and some systems lack them, so each may be missing. */
export const ANYCAST_FUNCTIONS = {
  GetAnycastIpAddressTable: worker<(family: number, table: Out<Pointer>) => Promise<number>>(DWORD, [ADDRESS_FAMILY, VOID_PTR_OUT]),
  CreateAnycastIpAddressEntry: worker<(row: AnycastRowValue) => Promise<number>>(DWORD, [ROW_IN]),
  DeleteAnycastIpAddressEntry: worker<(row: AnycastRowValue) => Promise<number>>(DWORD, [ROW_IN]),
  /** In/out: koffi writes the row Windows found back into the object passed, once the call has returned. */
  GetAnycastIpAddressEntry: worker<(row: AnycastRowValue) => Promise<number>>(DWORD, [koffi.inout(ROW_IN)]),
};

/**
 * Interface change notifications: without them the app still polls, so each may be missing.
 * Registering returns at once and the cancel has its own thread rule (interface-watch.ts).
 */
export const NOTIFY_FUNCTIONS = {
  /** `callback` is a koffi.register() pointer of type IP_INTERFACE_CHANGE_CALLBACK. */
  NotifyIpInterfaceChange: raw<(family: number, callback: bigint, context: null, initialNotification: number, handle: Out<Pointer>) => number>(
    DWORD,
    [ADDRESS_FAMILY, koffi.pointer(IP_INTERFACE_CHANGE_CALLBACK), VOID_PTR, BOOLEAN, VOID_PTR_OUT],
  ),
  /**
   * Only ever called asynchronously, on a worker thread: it waits for a callback in
   * progress, and koffi runs that callback's JS on the main thread, which must be free.
   */
  CancelMibChangeNotify2: raw<{ async(handle: Pointer, done: (error: unknown, code: number) => void): void }>(DWORD, [VOID_PTR]),
};

export const KERNEL32_FUNCTIONS = {
  /**
   * Reads a message table already loaded with the DLL, so it runs where it is called. The
   * buffer is a plain pointer: the caller passes a buffer and reads the count of UTF-16 units returned.
   */
  FormatMessageW: inline<(flags: number, source: null, messageId: number, languageId: number, buffer: Uint16Array, size: number, args: null) => number>(
    DWORD,
    [DWORD, VOID_PTR, DWORD, DWORD, VOID_PTR, DWORD, VOID_PTR],
  ),
};

export const ADVAPI32_FUNCTIONS = {
  AllocateAndInitializeSid: worker<
    (
      authority: { Value: number[] },
      subAuthorityCount: number,
      s0: number, s1: number, s2: number, s3: number, s4: number, s5: number, s6: number, s7: number,
      sid: Out<Pointer>,
    ) => Promise<number>
  >(BOOL, [koffi.pointer(SID_IDENTIFIER_AUTHORITY), 'uint8_t', DWORD, DWORD, DWORD, DWORD, DWORD, DWORD, DWORD, DWORD, VOID_PTR_OUT]),
  CheckTokenMembership: worker<(token: null, sid: bigint, isMember: Out<number>) => Promise<number>>(BOOL, [VOID_PTR, VOID_PTR, koffi.out(koffi.pointer(BOOL))]),
  /** Only releases memory, so it runs where it is called. */
  FreeSid: inline<(sid: bigint) => Pointer>(VOID_PTR, [VOID_PTR]),
};

export type IphlpapiBindings = Bindings<typeof IPHLPAPI_FUNCTIONS>;
export type IfTable2ExBindings = Bindings<typeof IF_TABLE2_EX_FUNCTIONS>;
export type AnycastBindings = Bindings<typeof ANYCAST_FUNCTIONS>;
export type NotifyBindings = Bindings<typeof NOTIFY_FUNCTIONS>;
export type Kernel32Bindings = Bindings<typeof KERNEL32_FUNCTIONS>;
export type Advapi32Bindings = Bindings<typeof ADVAPI32_FUNCTIONS>;
