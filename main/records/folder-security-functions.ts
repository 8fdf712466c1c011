/**
 * The system functions behind the records folder, declared as the Windows backend declares
 * its own (iphlpapi-functions.ts): each C declaration for koffi beside the TypeScript
 * signature it is called with, checked against the SDK prototypes by
 * test/ffi/struct-layout.test.ts. Calls that touch the disk run on a worker thread.
 */
import koffi from 'koffi';
import { inline, worker, type Bindings, type Out, type Pointer } from '../backends/windows/iphlpapi-functions';
import { BOOL, DWORD, ENUM, GUID, HRESULT, SECURITY_ATTRIBUTES, VOID_PTR, VOID_PTR_OUT } from '../backends/windows/iphlpapi-types';

/** A GUID as koffi takes it for a `const GUID *`. */
export interface GuidValue {
  Data1: number;
  Data2: number;
  Data3: number;
  Data4: number[];
}

export interface SecurityAttributesValue {
  nLength: number;
  lpSecurityDescriptor: Pointer;
  bInheritHandle: number;
}

/** LPCWSTR: koffi converts a JavaScript string to UTF-16 with a terminating NUL. */
const WIDE_TEXT = 'str16';

export const SHELL32_FUNCTIONS = {
  /** Quick (a registry read at most), so it runs where it is called. */
  SHGetKnownFolderPath: inline<(folder: GuidValue, flags: number, token: null, path: Out<Pointer>) => number>(HRESULT, [
    koffi.pointer(GUID),
    DWORD,
    VOID_PTR,
    VOID_PTR_OUT,
  ]),
  /** Returns the Win32 code itself, so no GetLastError is needed from a worker thread. */
  SHCreateDirectoryExW: worker<(window: null, path: string, attributes: SecurityAttributesValue) => Promise<number>>('int32_t', [
    VOID_PTR,
    WIDE_TEXT,
    koffi.pointer(SECURITY_ATTRIBUTES),
  ]),
};

export const OLE32_FUNCTIONS = {
  CoTaskMemFree: inline<(memory: bigint) => void>('void', [VOID_PTR]),
};

export const FOLDER_ADVAPI32_FUNCTIONS = {
  /** Parses text in memory, so it runs where it is called. */
  ConvertStringSecurityDescriptorToSecurityDescriptorW: inline<(sddl: string, revision: number, descriptor: Out<Pointer>, size: null) => number>(BOOL, [
    WIDE_TEXT,
    DWORD,
    VOID_PTR_OUT,
    VOID_PTR,
  ]),
  ConvertSecurityDescriptorToStringSecurityDescriptorW: inline<
    (descriptor: bigint, revision: number, information: number, sddl: Out<Pointer>, length: null) => number
  >(BOOL, [VOID_PTR, DWORD, DWORD, VOID_PTR_OUT, VOID_PTR]),
  /** `objectType` is an SE_OBJECT_TYPE. */
  GetNamedSecurityInfoW: worker<
    (path: string, objectType: number, information: number, owner: null, group: null, dacl: null, sacl: null, descriptor: Out<Pointer>) => Promise<number>
  >(DWORD, [WIDE_TEXT, ENUM, DWORD, VOID_PTR, VOID_PTR, VOID_PTR, VOID_PTR, VOID_PTR_OUT]),
};

export const FOLDER_KERNEL32_FUNCTIONS = {
  LocalFree: inline<(memory: bigint) => Pointer>(VOID_PTR, [VOID_PTR]),
};

export type Shell32Bindings = Bindings<typeof SHELL32_FUNCTIONS>;
export type Ole32Bindings = Bindings<typeof OLE32_FUNCTIONS>;
export type FolderAdvapi32Bindings = Bindings<typeof FOLDER_ADVAPI32_FUNCTIONS>;
export type FolderKernel32Bindings = Bindings<typeof FOLDER_KERNEL32_FUNCTIONS>;
