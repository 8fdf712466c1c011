/**
 * The Windows calls behind the records folder: where ProgramData is, creating a folder
 * with a security descriptor applied as it is created (no moment with inherited
 * permissions), and reading a folder's owner and DACL back as SDDL. Each call that
 * touches the disk runs on a koffi worker thread, so the main process never waits on it.
 * The functions are declared in folder-security-functions.ts.
 */
import koffi, { type LibraryHandle } from 'koffi';
import { NO_ERROR } from '../../app/win32-errors';
import { SECURITY_ATTRIBUTES } from '../backends/windows/iphlpapi-types';
import type { FunctionSpec, Out, Pointer } from '../backends/windows/iphlpapi-functions';
import { bindAll, loadLibrary } from '../backends/windows/windows-api';
import {
  FOLDER_ADVAPI32_FUNCTIONS,
  FOLDER_KERNEL32_FUNCTIONS,
  OLE32_FUNCTIONS,
  SHELL32_FUNCTIONS,
  type FolderAdvapi32Bindings,
  type FolderKernel32Bindings,
  type Ole32Bindings,
  type Shell32Bindings,
} from './folder-security-functions';

/** Win32 codes and flags these calls use; test/ffi/struct-layout.test.ts checks each against the SDK. */
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

/** `system32` as windows-api.ts's systemDirectory() reports it: every DLL by full path. */
export function loadFolderSecurity(system32: string): FolderSecurity {
  const loaded: LibraryHandle[] = [];
  const bind = <Specs extends Record<string, FunctionSpec>>(dll: string, specs: Specs) => {
    const path = `${system32}\\${dll}`;
    const lib = loadLibrary(path);
    loaded.push(lib);
    return bindAll(lib, path, specs, {});
  };
  let shell32: Shell32Bindings, ole32: Ole32Bindings, advapi32: FolderAdvapi32Bindings, kernel32: FolderKernel32Bindings;
  try {
    shell32 = bind('shell32.dll', SHELL32_FUNCTIONS);
    ole32 = bind('ole32.dll', OLE32_FUNCTIONS);
    advapi32 = bind('advapi32.dll', FOLDER_ADVAPI32_FUNCTIONS);
    kernel32 = bind('kernel32.dll', FOLDER_KERNEL32_FUNCTIONS);
  } catch (fault) {
    for (const lib of loaded) lib.unload();
    throw fault;
  }

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
      const result = shell32.SHGetKnownFolderPath(FOLDERID_PROGRAM_DATA, 0, null, path);
      if (result !== 0) throw new Error(`SHGetKnownFolderPath(FOLDERID_ProgramData) failed with 0x${(result >>> 0).toString(16)}.`);
      return withText(path[0], (text) => text, (p) => ole32.CoTaskMemFree(p));
    },

    async createFolder(path, sddl) {
      const descriptor: Out<Pointer> = [null];
      if (!advapi32.ConvertStringSecurityDescriptorToSecurityDescriptorW(sddl, SDDL_REVISION_1, descriptor, null) || descriptor[0] === null) {
        throw new Error(`Windows did not accept the security descriptor ${sddl}.`);
      }
      try {
        const attributes = { nLength: koffi.sizeof(SECURITY_ATTRIBUTES), lpSecurityDescriptor: descriptor[0], bInheritHandle: 0 };
        const code = await shell32.SHCreateDirectoryExW(null, path, attributes);
        if (code === NO_ERROR) return true;
        if (code === ERROR_ALREADY_EXISTS || code === ERROR_FILE_EXISTS) return false;
        throw new Error(`Creating ${path} failed with Windows error ${code}.`);
      } finally {
        kernel32.LocalFree(descriptor[0]);
      }
    },

    async readFolderSddl(path) {
      const information = OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION;
      const descriptor: Out<Pointer> = [null];
      const code = await advapi32.GetNamedSecurityInfoW(path, SE_FILE_OBJECT, information, null, null, null, null, descriptor);
      if (code !== NO_ERROR || descriptor[0] === null) throw new Error(`Reading the permissions of ${path} failed with Windows error ${code}.`);
      try {
        const text: Out<Pointer> = [null];
        if (!advapi32.ConvertSecurityDescriptorToStringSecurityDescriptorW(descriptor[0], SDDL_REVISION_1, information, text, null)) {
          throw new Error(`Windows could not describe the permissions of ${path} as text.`);
        }
        return withText(text[0], (sddl) => sddl, (p) => kernel32.LocalFree(p));
      } finally {
        kernel32.LocalFree(descriptor[0]);
      }
    },

    unload() {
      for (const lib of loaded) lib.unload();
    },
  };
}
