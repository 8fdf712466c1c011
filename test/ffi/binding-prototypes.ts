/**
 * A C file, made from the binding's own koffi declarations, that calls each function it
 * declares with arguments of the declared types and keeps the result in a variable of the
 * declared result type. Compiled against the mingw-w64 headers with the warnings below as
 * errors, a declaration that disagrees with the SDK prototype fails to compile: a wrong
 * count of parameters, an integer where the SDK takes a pointer or the reverse, a pointer
 * to another struct, an integer the SDK takes narrower or of the other sign, a result of
 * another width or sign, or a result where the SDK returns nothing.
 *
 * Pointers to scalars and to pointers are passed as void *: their C types (NET_LUID is a
 * union, DWORD is unsigned long where koffi says uint32_t) differ from any koffi can name.
 */
import koffi from 'koffi';
import * as types from '../../main/backends/windows/iphlpapi-types';
import * as functions from '../../main/backends/windows/iphlpapi-functions';
import type { FunctionSpec } from '../../main/backends/windows/iphlpapi-functions';
import * as folderFunctions from '../../main/records/folder-security-functions';

/** What the check reads of a declaration: how it is bound does not change its C types. */
export type Declaration = Pick<FunctionSpec, 'result' | 'params'>;

export const PROTOTYPE_CHECK_FLAGS = ['-fsyntax-only', '-Werror', '-Wall', '-Wconversion', '-Wsign-conversion', '-Wint-conversion', '-Wincompatible-pointer-types'];

/** Every function table the binding loads, by the name its module exports. */
export const DECLARED_FUNCTIONS: Readonly<Record<string, Readonly<Record<string, FunctionSpec>>>> = {
  IPHLPAPI_FUNCTIONS: functions.IPHLPAPI_FUNCTIONS,
  IF_TABLE2_EX_FUNCTIONS: functions.IF_TABLE2_EX_FUNCTIONS,
  ANYCAST_FUNCTIONS: functions.ANYCAST_FUNCTIONS,
  NOTIFY_FUNCTIONS: functions.NOTIFY_FUNCTIONS,
  KERNEL32_FUNCTIONS: functions.KERNEL32_FUNCTIONS,
  ADVAPI32_FUNCTIONS: functions.ADVAPI32_FUNCTIONS,
  SHELL32_FUNCTIONS: folderFunctions.SHELL32_FUNCTIONS,
  OLE32_FUNCTIONS: folderFunctions.OLE32_FUNCTIONS,
  FOLDER_ADVAPI32_FUNCTIONS: folderFunctions.FOLDER_ADVAPI32_FUNCTIONS,
  FOLDER_KERNEL32_FUNCTIONS: folderFunctions.FOLDER_KERNEL32_FUNCTIONS,
};

const INTEGERS: Readonly<Record<string, string>> = {
  Int8: 'int8_t', UInt8: 'uint8_t', Int16: 'int16_t', UInt16: 'uint16_t',
  Int32: 'int32_t', UInt32: 'uint32_t', Int64: 'int64_t', UInt64: 'uint64_t',
};

/** The C type koffi's declaration stands for, as an argument or a result. */
function cType(spec: FunctionSpec['result']): string {
  const type = koffi.type(spec as Parameters<typeof koffi.type>[0]);
  if (type.primitive === 'Void') return 'void';
  if (type.primitive in INTEGERS) return INTEGERS[type.primitive]!;
  if (type.primitive === 'Pointer') {
    const struct = Object.entries(types.WINDOWS_STRUCTS).find(([, declared]) => declared === type.ref);
    return struct ? `${struct[0]} *` : 'void *';
  }
  if (type.primitive === 'Callback') return 'void *';
  // koffi's str16 is what the SDK calls LPCWSTR.
  if (type.primitive === 'String16') return 'const wchar_t *';
  throw new Error(`no C type for koffi's ${type.name} (${type.primitive})`);
}

function callCheck(name: string, spec: Declaration): string {
  const params = spec.params.map((param, i) => `${cType(param)} a${i}`);
  const call = `${name}(${spec.params.map((_, i) => `a${i}`).join(', ')})`;
  const result = cType(spec.result);
  const body = result === 'void' ? `  ${call};` : `  ${result} r = ${call};\n  (void)r;`;
  return `void check_${name}(${params.join(', ') || 'void'}) {\n${body}\n}\n`;
}

export function prototypeChecks(declared: Readonly<Record<string, Readonly<Record<string, Declaration>>>> = DECLARED_FUNCTIONS): string {
  const checks = Object.values(declared).flatMap((group) => Object.entries(group).map(([name, spec]) => callCheck(name, spec)));
  return ['#include <winsock2.h>', '#include <ws2ipdef.h>', '#include <iphlpapi.h>', '#include <netioapi.h>', '#include <shlobj.h>', '#include <sddl.h>', '#include <aclapi.h>', '#include <stdint.h>', '', ...checks].join('\n');
}
