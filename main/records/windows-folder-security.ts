/**
 * The Windows calls behind the records folder: where ProgramData is, creating a folder
 * with a security descriptor applied as it is created (no moment with inherited
 * permissions), and reading a folder's owner and DACL back as SDDL. Each call that
 * touches the disk runs on a koffi worker thread, so the main process never waits on it.
 */
import koffi, { type LibraryHandle } from 'koffi';

/** Win32 codes and flags these calls use; test/ffi/struct-layout.test.ts checks each against the SDK. */
export const ERROR_SUCCESS = 0;
export const ERROR_FILE_EXISTS = 80;
export const ERROR_ALREADY_EXISTS = 183;
export const SDDL_REVISION_1 = 1;
export const SE_FILE_OBJECT = 1;
export const OWNER_SECURITY_INFORMATION = 0x1;
export const DACL_SECURITY_INFORMATION = 0x4;

const FOLDERID_PROGRAM_DATA = { Data1: 0x62ab5d82, Data2: 0xfdc1, Data3: 0x4dc3, Data4: [0xa9, 0xdd, 0x07, 0x0d, 0x1d, 0x49, 0x5d, 0x97] };

export interface FolderSecurity {
  /** %ProgramData% as Windows knows it (SHGetKnownFolderPath), not from a variable a user can set. */
  programDataFolder(): Promise<string>;
  /** Creates the folder with the descriptor; false when it already existed (and was left as it is). */
  createFolder(path: string, sddl: string): Promise<boolean>;
  /** The folder's owner and DACL as SDDL. */
  readFolderSddl(path: string): Promise<string>;
  unload(): void;
}

type Out<T> = [T];
type Pointer = bigint | null;

type BoundFunction = ReturnType<LibraryHandle['func']>;

/** koffi's asynchronous form of a call, as a promise. */
function callAsync<T>(fn: BoundFunction, ...args: unknown[]): Promise<T> {
  return new Promise((resolve, reject) => {
    fn.async(...args, (fault: unknown, result: T) => (fault ? reject(fault instanceof Error ? fault : new Error(String(fault))) : resolve(result)));
  });
}

/** `system32` as windows-api.ts's systemDirectory() reports it: every DLL by full path. */
export function loadFolderSecurity(system32: string): FolderSecurity {
  const shell32 = koffi.load(`${system32}\\shell32.dll`);
  const ole32 = koffi.load(`${system32}\\ole32.dll`);
  const advapi32 = koffi.load(`${system32}\\advapi32.dll`);
  const kernel32 = koffi.load(`${system32}\\kernel32.dll`);
  const GUID = koffi.struct({ Data1: 'uint32_t', Data2: 'uint16_t', Data3: 'uint16_t', Data4: koffi.array('uint8_t', 8) });
  const SECURITY_ATTRIBUTES = koffi.struct({ nLength: 'uint32_t', lpSecurityDescriptor: 'void *', bInheritHandle: 'int32_t' });

  const SHGetKnownFolderPath = shell32.func('__stdcall', 'SHGetKnownFolderPath', 'int32_t', [koffi.pointer(GUID), 'uint32_t', 'void *', koffi.out(koffi.pointer('void *'))]);
  const CoTaskMemFree = ole32.func('__stdcall', 'CoTaskMemFree', 'void', ['void *']);
  // Returns the Win32 code itself, so no GetLastError is needed from a worker thread.
  const SHCreateDirectoryExW = shell32.func('__stdcall', 'SHCreateDirectoryExW', 'int32_t', ['void *', 'str16', koffi.pointer(SECURITY_ATTRIBUTES)]);
  const ConvertStringSecurityDescriptorToSecurityDescriptorW = advapi32.func('__stdcall', 'ConvertStringSecurityDescriptorToSecurityDescriptorW', 'int32_t', [
    'str16', 'uint32_t', koffi.out(koffi.pointer('void *')), 'void *',
  ]);
  const ConvertSecurityDescriptorToStringSecurityDescriptorW = advapi32.func('__stdcall', 'ConvertSecurityDescriptorToStringSecurityDescriptorW', 'int32_t', [
    'void *', 'uint32_t', 'uint32_t', koffi.out(koffi.pointer('void *')), 'void *',
  ]);
  const GetNamedSecurityInfoW = advapi32.func('__stdcall', 'GetNamedSecurityInfoW', 'uint32_t', [
    'str16', 'int32_t', 'uint32_t', 'void *', 'void *', 'void *', 'void *', koffi.out(koffi.pointer('void *')),
  ]);
  const LocalFree = kernel32.func('__stdcall', 'LocalFree', 'void *', ['void *']);

  const withText = <T>(pointer: Pointer, use: (text: string) => T, free: (p: bigint) => void): T => {
    if (pointer === null) throw new Error('Windows returned no text.');
    try {
      return use(koffi.decode(pointer, 'char16_t', -1) as string);
    } finally {
      free(pointer);
    }
  };

  return {
    async programDataFolder() {
      const path: Out<Pointer> = [null];
      const result = SHGetKnownFolderPath(FOLDERID_PROGRAM_DATA, 0, null, path) as number;
      if (result !== 0) throw new Error(`SHGetKnownFolderPath(FOLDERID_ProgramData) failed with 0x${(result >>> 0).toString(16)}.`);
      return withText(path[0], (text) => text, (p) => CoTaskMemFree(p));
    },

    async createFolder(path, sddl) {
      const descriptor: Out<Pointer> = [null];
      if (!ConvertStringSecurityDescriptorToSecurityDescriptorW(sddl, SDDL_REVISION_1, descriptor, null) || descriptor[0] === null) {
        throw new Error(`Windows did not accept the security descriptor ${sddl}.`);
      }
      try {
        const attributes = { nLength: koffi.sizeof(SECURITY_ATTRIBUTES), lpSecurityDescriptor: descriptor[0], bInheritHandle: 0 };
        const code = await callAsync<number>(SHCreateDirectoryExW, null, path, attributes);
        if (code === ERROR_SUCCESS) return true;
        if (code === ERROR_ALREADY_EXISTS || code === ERROR_FILE_EXISTS) return false;
        throw new Error(`Creating ${path} failed with Windows error ${code}.`);
      } finally {
        LocalFree(descriptor[0]);
      }
    },

    async readFolderSddl(path) {
      const information = OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION;
      const descriptor: Out<Pointer> = [null];
      const code = await callAsync<number>(GetNamedSecurityInfoW, path, SE_FILE_OBJECT, information, null, null, null, null, descriptor);
      if (code !== ERROR_SUCCESS || descriptor[0] === null) throw new Error(`Reading the permissions of ${path} failed with Windows error ${code}.`);
      try {
        const text: Out<Pointer> = [null];
        if (!ConvertSecurityDescriptorToStringSecurityDescriptorW(descriptor[0], SDDL_REVISION_1, information, text, null)) {
          throw new Error(`Windows could not describe the permissions of ${path} as text.`);
        }
        return withText(text[0], (sddl) => sddl, (p) => LocalFree(p));
      } finally {
        LocalFree(descriptor[0]);
      }
    },

    unload() {
      for (const lib of [shell32, ole32, advapi32, kernel32]) lib.unload();
    },
  };
}
