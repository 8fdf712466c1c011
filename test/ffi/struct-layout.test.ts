/**
 * The koffi declarations match the Windows SDK: every struct's size and alignment and
 * every member's offset, the byte offsets the decoder reads inside SOCKADDR_INET, and
 * the constants the backend passes or compares. The SDK side comes from mingw-w64's
 * headers at test time: test/native/layout-probe.c is compiled to assembly (not run),
 * where each value appears as a constant. The function declarations are checked the same
 * way: binding-prototypes.ts writes C calls from them, compiled against the SDK prototypes.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import koffi from 'koffi';
import * as decode from '../../main/backends/windows/iphlpapi-decode';
import * as functions from '../../main/backends/windows/iphlpapi-functions';
import * as types from '../../main/backends/windows/iphlpapi-types';
import * as errors from '../../app/win32-errors';
import * as folderFunctions from '../../main/records/folder-security-functions';
import * as folderSecurity from '../../main/records/windows-folder-security';
import { DECLARED_FUNCTIONS, PROTOTYPE_CHECK_FLAGS, prototypeChecks, type Declaration } from './binding-prototypes';
import { commandFor, findTool, NATIVE_DIR } from './native-build';

const mingw = commandFor(findTool('x86_64-w64-mingw32-gcc', 'gcc-mingw-w64-x86-64'), 'Struct layouts against the mingw-w64 headers');

/** "@probe offsetof MIB_IF_ROW2 Alias 28" -> "offsetof MIB_IF_ROW2 Alias" => "28". */
function probeSdk(compiler: string): Map<string, string> {
  const result = spawnSync(compiler, ['-S', '-o', '-', path.join(NATIVE_DIR, 'layout-probe.c')], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${compiler} failed on layout-probe.c:\n${result.stderr || result.error?.message}`);
  const values = new Map<string, string>();
  for (const [, key, value] of result.stdout.matchAll(/"@probe (.+) (\S+)"/g)) values.set(key!, value!);
  // "probe_flag_FilterInterface:\n\t.byte\t2" -> "flag FilterInterface" => "2".
  for (const [, field, value] of result.stdout.matchAll(/^probe_flag_(\w+):\s*\.byte\s+(\d+)$/gm)) values.set(`flag ${field}`, value!);
  return values;
}

/** Compiles C against the mingw-w64 headers with the prototype check's warnings as errors. */
function compileAgainstSdk(compiler: string, source: string) {
  return spawnSync(compiler, [...PROTOTYPE_CHECK_FLAGS, '-x', 'c', '-'], { input: source, encoding: 'utf8' });
}

const INTERFACE_FLAGS = ['HardwareInterface', 'FilterInterface', 'ConnectorPresent', 'NotAuthenticated', 'NotMediaConnected', 'Paused', 'LowPower', 'EndPointInterface'];

describe('the prototype check', () => {
  it('covers every function table the binding declares, the records folder\'s among them', () => {
    const tables = [...Object.entries(functions), ...Object.entries(folderFunctions)].filter(([name]) => name.endsWith('_FUNCTIONS'));
    expect(tables.length).toBeGreaterThanOrEqual(10);
    for (const [name, table] of tables) expect({ name, checked: (Object.values(DECLARED_FUNCTIONS) as unknown[]).includes(table) }).toEqual({ name, checked: true });
  });
});

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
      // Every code the app names, and the records folder's codes and flags, straight from their modules.
      ...Object.fromEntries(Object.entries(errors).filter(([, value]) => typeof value === 'number')),
      ...Object.fromEntries(Object.entries(folderSecurity).filter(([, value]) => typeof value === 'number')),
    };
    for (const [name, value] of Object.entries(used)) expect({ name, value }).toEqual({ name, value: number(`const ${name}`) });
    const authority = sdk.get('initializer SECURITY_NT_AUTHORITY')?.replace(/[{}\s]/g, '').split(',').map(Number);
    expect([...types.SECURITY_NT_AUTHORITY]).toEqual(authority);
  });

  it('reads FilterInterface at its bit of InterfaceAndOperStatusFlags, and no other flag as it', () => {
    expect(INTERFACE_FLAGS.map((field) => number(`flag ${field}`)).sort((a, b) => a - b)).toEqual([1, 2, 4, 8, 16, 32, 64, 128]);
    for (const field of INTERFACE_FLAGS) {
      expect({ field, filter: decode.isFilterInterface(number(`flag ${field}`)) }).toEqual({ field, filter: field === 'FilterInterface' });
    }
  });

  it('declares every function with parameters and a result the SDK prototype takes without a warning', () => {
    const source = prototypeChecks();
    const result = compileAgainstSdk(mingw!, source);
    expect(result.status, result.stderr).toBe(0);
    const declared = Object.values(DECLARED_FUNCTIONS).flatMap((group) => Object.keys(group));
    expect(declared.length).toBeGreaterThan(15);
    expect([...source.matchAll(/^void check_(\w+)\(/gm)].map(([, name]) => name)).toEqual(declared);
  });

  const u32 = 'uint32_t';
  const mismatches: [string, Record<string, Declaration>][] = [
    ['a parameter the SDK takes narrower (ADDRESS_FAMILY as 32 bits)', { GetIpInterfaceTable: { result: u32, params: [u32, koffi.pointer('void')] } }],
    ['a pointer to another struct', { CreateAnycastIpAddressEntry: { result: u32, params: [koffi.pointer(types.MIB_IF_ROW2)] } }],
    ['an integer where the SDK takes a pointer', { CancelMibChangeNotify2: { result: u32, params: [u32] } }],
    ['a parameter too many', { GetIfTable2: { result: u32, params: [koffi.pointer('void'), u32] } }],
    ['a result where the SDK returns nothing', { FreeMibTable: { result: u32, params: [koffi.pointer('void')] } }],
    ['a signed parameter for an unsigned one', { ConvertInterfaceIndexToLuid: { result: u32, params: ['int32_t', koffi.pointer('void')] } }],
    ['a pointer result where the SDK returns a code', { GetNamedSecurityInfoW: { ...folderFunctions.FOLDER_ADVAPI32_FUNCTIONS.GetNamedSecurityInfoW, result: koffi.pointer('void') } }],
    ['a struct pointer where the SDK takes text', { SHCreateDirectoryExW: { ...folderFunctions.SHELL32_FUNCTIONS.SHCreateDirectoryExW, params: [koffi.pointer('void'), koffi.pointer(types.GUID), koffi.pointer(types.SECURITY_ATTRIBUTES)] } }],
  ];

  it.each(mismatches)('would not compile a declaration with %s', (_what, functions) => {
    expect(compileAgainstSdk(mingw!, prototypeChecks({ WRONG: functions })).status).not.toBe(0);
  });

  it('passes GetIfTable2Ex the enumerator after MibIfTableRaw, as a 32-bit enum', () => {
    // mingw-w64's MIB_IF_TABLE_LEVEL stops at MibIfTableRaw; the Windows SDK (10.0.15063 on)
    // declares MibIfTableNormalWithoutStatistics right after it.
    expect(number('const MibIfTableNormal')).toBe(0);
    expect(types.MIB_IF_TABLE_NORMAL_WITHOUT_STATISTICS).toBe(number('const MibIfTableRaw') + 1);
    expect(number('sizeof MIB_IF_TABLE_LEVEL')).toBe(koffi.sizeof(functions.IF_TABLE2_EX_FUNCTIONS.GetIfTable2Ex.params[0] as string));
  });
});
