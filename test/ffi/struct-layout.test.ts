/**
 * The koffi declarations match the Windows SDK: every struct's size and alignment and
 * every member's offset, the byte offsets the decoder reads inside SOCKADDR_INET, and
 * the constants the backend passes or compares. The SDK side comes from mingw-w64's
 * headers at test time: test/native/layout-probe.c is compiled to assembly (not run),
 * where each value appears as a constant.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import koffi from 'koffi';
import * as decode from '../../main/backends/windows/iphlpapi-decode';
import { IF_TABLE2_EX_FUNCTIONS } from '../../main/backends/windows/iphlpapi-functions';
import * as types from '../../main/backends/windows/iphlpapi-types';
import * as errors from '../../app/win32-errors';
import { commandFor, findTool, NATIVE_DIR } from './native-build';

const mingw = commandFor(findTool('x86_64-w64-mingw32-gcc', 'gcc-mingw-w64-x86-64'), 'Struct layouts against the mingw-w64 headers');

/** "@probe offsetof MIB_IF_ROW2 Alias 28" -> "offsetof MIB_IF_ROW2 Alias" => "28". */
function probeSdk(compiler: string): Map<string, string> {
  const result = spawnSync(compiler, ['-S', '-o', '-', path.join(NATIVE_DIR, 'layout-probe.c')], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${compiler} failed on layout-probe.c:\n${result.stderr || result.error?.message}`);
  const values = new Map<string, string>();
  for (const [, key, value] of result.stdout.matchAll(/"@probe (.+) (\S+)"/g)) values.set(key!, value!);
  return values;
}

describe.skipIf(mingw === null)('Windows struct layouts (koffi vs mingw-w64 headers)', () => {
  let sdk: Map<string, string>;
  const number = (key: string): number => {
    const value = sdk.get(key);
    if (value === undefined) throw new Error(`layout-probe.c does not report "${key}"`);
    return Number(value);
  };

  beforeAll(() => {
    sdk = probeSdk(mingw!);
    expect(sdk.size).toBeGreaterThan(100);
  });

  describe.each(Object.entries(types.WINDOWS_STRUCTS))('%s', (name, type) => {
    it('has the SDK size and alignment', () => {
      expect({ size: koffi.sizeof(type), align: koffi.alignof(type) }).toEqual({
        size: number(`sizeof ${name}`),
        align: number(`alignof ${name}`),
      });
    });

    it('puts every member at the SDK offset, and declares every member the probe lists', () => {
      const declared = Object.keys(type.members ?? {});
      const probed = [...sdk.keys()].filter((k) => k.startsWith(`offsetof ${name} `)).map((k) => k.split(' ')[2]);
      expect(declared.sort()).toEqual(probed.sort());
      for (const member of declared) {
        expect({ member, offset: koffi.offsetof(type, member) }).toEqual({ member, offset: number(`offsetof ${name} ${member}`) });
      }
    });
  });

  it.each(Object.entries(types.WINDOWS_SCALARS))('%s has the SDK size and alignment', (name, type) => {
    expect({ size: koffi.sizeof(type), align: koffi.alignof(type) }).toEqual({
      size: number(`sizeof ${name}`),
      align: number(`alignof ${name}`),
    });
  });

  it('reads SOCKADDR_INET at the offsets of sockaddr_in and sockaddr_in6', () => {
    const o = decode.SOCKADDR_INET_OFFSETS;
    expect(decode.SOCKADDR_INET_SIZE).toBe(number('sizeof SOCKADDR_INET'));
    expect(o.family).toBe(number('view SOCKADDR_INET si_family'));
    expect(o.ipv4Address).toBe(number('view SOCKADDR_INET Ipv4.sin_addr'));
    expect(o.ipv6Address).toBe(number('view SOCKADDR_INET Ipv6.sin6_addr'));
    expect(o.ipv6ScopeId).toBe(number('view SOCKADDR_INET Ipv6.sin6_scope_id'));
  });

  it('uses the SDK values of the constants it passes and compares', () => {
    const used: Record<string, number> = {
      AF_UNSPEC: decode.AF_UNSPEC,
      AF_INET: decode.AF_INET,
      AF_INET6: decode.AF_INET6,
      // Alias and Description are WCHAR[IF_MAX_STRING_SIZE + 1].
      IF_MAX_STRING_SIZE: types.MIB_IF_ROW2.members!['Alias']!.type.length! - 1,
      IF_MAX_PHYS_ADDRESS_LENGTH: types.MIB_IF_ROW2.members!['PhysicalAddress']!.type.length!,
      ScopeLevelCount: types.MIB_IPINTERFACE_ROW.members!['ZoneIndices']!.type.length!,
      IfOperStatusUp: decode.IF_OPER_STATUS.up,
      IfOperStatusDown: decode.IF_OPER_STATUS.down,
      IfOperStatusTesting: decode.IF_OPER_STATUS.testing,
      IfOperStatusUnknown: decode.IF_OPER_STATUS.unknown,
      IfOperStatusDormant: decode.IF_OPER_STATUS.dormant,
      IfOperStatusNotPresent: decode.IF_OPER_STATUS.notPresent,
      IfOperStatusLowerLayerDown: decode.IF_OPER_STATUS.lowerLayerDown,
      FORMAT_MESSAGE_FROM_SYSTEM: types.FORMAT_MESSAGE_FROM_SYSTEM,
      FORMAT_MESSAGE_IGNORE_INSERTS: types.FORMAT_MESSAGE_IGNORE_INSERTS,
      SECURITY_BUILTIN_DOMAIN_RID: types.SECURITY_BUILTIN_DOMAIN_RID,
      DOMAIN_ALIAS_RID_ADMINS: types.DOMAIN_ALIAS_RID_ADMINS,
      NO_ERROR: errors.NO_ERROR,
      ERROR_ACCESS_DENIED: errors.ERROR_ACCESS_DENIED,
      ERROR_NOT_SUPPORTED: errors.ERROR_NOT_SUPPORTED,
      ERROR_INVALID_PARAMETER: errors.ERROR_INVALID_PARAMETER,
      ERROR_PROC_NOT_FOUND: errors.ERROR_PROC_NOT_FOUND,
      ERROR_NOT_FOUND: errors.ERROR_NOT_FOUND,
      ERROR_INTERNAL_ERROR: errors.ERROR_INTERNAL_ERROR,
      ERROR_OBJECT_ALREADY_EXISTS: errors.ERROR_OBJECT_ALREADY_EXISTS,
    };
    for (const [name, value] of Object.entries(used)) expect({ name, value }).toEqual({ name, value: number(`const ${name}`) });
    const authority = sdk.get('initializer SECURITY_NT_AUTHORITY')?.replace(/[{}\s]/g, '').split(',').map(Number);
    expect([...types.SECURITY_NT_AUTHORITY]).toEqual(authority);
  });

  it('passes GetIfTable2Ex the enumerator after MibIfTableRaw, as a 32-bit enum', () => {
    // mingw-w64's MIB_IF_TABLE_LEVEL stops at MibIfTableRaw; the Windows SDK (10.0.15063 on)
    // declares MibIfTableNormalWithoutStatistics right after it.
    expect(number('const MibIfTableNormal')).toBe(0);
    expect(types.MIB_IF_TABLE_NORMAL_WITHOUT_STATISTICS).toBe(number('const MibIfTableRaw') + 1);
    expect(number('sizeof MIB_IF_TABLE_LEVEL')).toBe(koffi.sizeof(IF_TABLE2_EX_FUNCTIONS.GetIfTable2Ex.params[0] as string));
  });
});
