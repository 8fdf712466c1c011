/**
 * Tables read from their bytes: tables built in native memory by koffi from random rows,
 * copied with copyMibRows and read with the table decoders, give what koffi's own per-row
 * decode turned into domain objects with ipaddr.js gives (the binding's former path); and
 * readMibTable frees every table it is handed.
 */
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import koffi, { type TypeObject } from 'koffi';
import type { AnycastEntry, NetworkInterface } from '../../app/model';
import { NO_ERROR } from '../../app/win32-errors';
import { AF_INET, AF_INET6, IF_OPER_STATUS, type InterfaceIds } from '../../main/backends/windows/iphlpapi-decode';
import {
  MIB_ANYCASTIPADDRESS_ROW,
  MIB_ANYCASTIPADDRESS_TABLE,
  MIB_IF_ROW2,
  MIB_IF_TABLE2,
  MIB_IPINTERFACE_ROW,
  MIB_IPINTERFACE_TABLE,
  MIB_UNICASTIPADDRESS_ROW,
  MIB_UNICASTIPADDRESS_TABLE,
} from '../../main/backends/windows/iphlpapi-types';
import { copyMibRows, readMibTable, type MibRows } from '../../main/backends/windows/mib-table';
import {
  decodeAnycastRows,
  decodeIfRows,
  decodeIpInterfaceStacks,
  decodeUnicastAddressStacks,
} from '../../main/backends/windows/table-decode';
import type { Out, Pointer } from '../../main/backends/windows/iphlpapi-functions';

type Row = Record<string, unknown>;

/** A table as a Get*Table function returns it, in native memory koffi allocated. */
function nativeTable(tableType: TypeObject, rowType: TypeObject, rows: Row[]): bigint {
  const stride = koffi.sizeof(rowType);
  const at = koffi.offsetof(tableType, 'Table');
  const memory: bigint = koffi.alloc('uint8_t', at + stride * Math.max(rows.length, 1));
  koffi.encode(memory, koffi.offsetof(tableType, 'NumEntries'), 'uint32_t', rows.length);
  rows.forEach((row, i) => koffi.encode(memory, at + i * stride, rowType, row));
  return memory;
}

/**
 * Builds a table, copies its rows with copyMibRows and reads them with `decode`, and hands
 * back the result with the rows as koffi decodes them, one object each.
 */
function readTable<T>(tableType: TypeObject, rowType: TypeObject, rows: Row[], decode: (rows: MibRows) => T): { value: T; koffiRows: Row[] } {
  const memory = nativeTable(tableType, rowType, rows);
  try {
    const koffiRows: Row[] = rows.length ? koffi.decode(memory, koffi.offsetof(tableType, 'Table'), rowType, rows.length) : [];
    return { value: decode(copyMibRows(memory, tableType)), koffiRows };
  } finally {
    koffi.free(memory);
  }
}

const u32 = fc.integer({ min: 0, max: 0xffff_ffff });
const u64 = fc.bigInt({ min: 0n, max: 0xffff_ffff_ffff_ffffn });
/** A few LUIDs, so rows share them; 0 among them, as in rows that name only the index. */
const luid = fc.constantFrom(0n, 1n << 24n, (6n << 48n) | (12n << 24n), (131n << 48n) | (1n << 24n), 0xffff_ffff_ffff_ffffn);

/** SOCKADDR_INET bytes: mostly AF_INET or AF_INET6, with groups that are often zero. */
const sockaddr = fc
  .tuple(
    fc.constantFrom(AF_INET, AF_INET6),
    fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 0xffff })), { minLength: 8, maxLength: 8 }),
    fc.uint8Array({ minLength: 28, maxLength: 28 }),
  )
  .map(([family, groups, noise]) => {
    const bytes = noise.slice();
    bytes.set([family & 0xff, family >> 8]);
    const addressAt = family === AF_INET ? 4 : 8;
    groups.forEach((group, i) => bytes.set([group >> 8, group & 0xff], addressAt + 2 * i));
    return bytes.subarray(0, 28);
  });

const anycastRow = fc.record({
  Address: sockaddr.map((bytes) => ({ bytes })),
  InterfaceLuid: luid,
  InterfaceIndex: fc.oneof(fc.constantFrom(0, 12), u32),
  ScopeId: u32,
});

/** Converts LUIDs and indexes where one is 1 << 24 or 12. */
const ids: InterfaceIds = {
  luidOf: (index) => (index === 12 ? 1n << 24n : null),
  indexOf: (luid) => (luid === 1n << 24n ? 12 : null),
};

/** The former conversion: koffi's row object, ipaddr.js text, a BigInt string per row. */
function formerAnycastEntry(row: Row): AnycastEntry {
  const bytes = (row['Address'] as { bytes: Uint8Array }).bytes;
  const family = bytes[0]! | (bytes[1]! << 8);
  let luid = BigInt(row['InterfaceLuid'] as number | bigint);
  let index = row['InterfaceIndex'] as number;
  if (luid === 0n && index !== 0) luid = ids.luidOf(index) ?? luid;
  else if (luid !== 0n && index === 0) index = ids.indexOf(luid) ?? index;
  return {
    address:
      family === AF_INET
        ? new ipaddr.IPv4(Array.from(bytes.subarray(4, 8))).toString()
        : new ipaddr.IPv6(Array.from(bytes.subarray(8, 24))).toRFC5952String(),
    family: family === AF_INET ? 'ipv4' : 'ipv6',
    interfaceLuid: luid.toString(),
    interfaceIndex: index,
    scopeId: row['ScopeId'] as number,
  };
}

describe('anycast tables', () => {
  it('decode as koffi rows converted one by one did (property)', () => {
    fc.assert(
      fc.property(fc.array(anycastRow, { maxLength: 40 }), (rows) => {
        const { value, koffiRows } = readTable(MIB_ANYCASTIPADDRESS_TABLE, MIB_ANYCASTIPADDRESS_ROW, rows, (r) => decodeAnycastRows(r, ids));
        expect(value).toEqual(koffiRows.map(formerAnycastEntry));
      }),
      { numRuns: 300 },
    );
  });

  it('throw on a row that is neither AF_INET nor AF_INET6', () => {
    const bytes = new Uint8Array(28);
    bytes[0] = 99;
    const row = { Address: { bytes }, InterfaceLuid: 1n, InterfaceIndex: 1, ScopeId: 0 };
    expect(() => readTable(MIB_ANYCASTIPADDRESS_TABLE, MIB_ANYCASTIPADDRESS_ROW, [row], (r) => decodeAnycastRows(r, ids))).toThrow(/family 99/);
  });

  it('are empty for a NULL table or one without rows', async () => {
    expect(readTable(MIB_ANYCASTIPADDRESS_TABLE, MIB_ANYCASTIPADDRESS_ROW, [], (r) => decodeAnycastRows(r, ids)).value).toEqual([]);
    const result = await readMibTable(() => expect.unreachable(), async () => NO_ERROR, MIB_ANYCASTIPADDRESS_TABLE);
    expect(result.ok && decodeAnycastRows(result.value, ids)).toEqual([]);
  });
});

describe('interface tables', () => {
  /** WCHAR text with a NUL somewhere, or none: the former decode stopped at the first. */
  const wchars = fc.array(fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0, max: 0xffff })), { maxLength: 257 });
  const ifRow = fc.record({
    InterfaceLuid: luid,
    InterfaceIndex: u32,
    Alias: wchars.map((units) => Uint16Array.from({ length: 257 }, (_, i) => units[i] ?? 0)),
    Description: wchars.map((units) => Uint16Array.from({ length: 257 }, (_, i) => units[i] ?? 0)),
    PhysicalAddressLength: fc.integer({ min: 0, max: 40 }),
    PhysicalAddress: fc.uint8Array({ minLength: 32, maxLength: 32 }),
    Mtu: u32,
    Type: u32,
    InterfaceAndOperStatusFlags: fc.integer({ min: 0, max: 255 }),
    OperStatus: fc.integer({ min: 0, max: 9 }),
    TransmitLinkSpeed: u64,
  });
  const stackSet = fc.option(fc.subarray([0n, 1n << 24n, (6n << 48n) | (12n << 24n), 0xffff_ffff_ffff_ffffn]).map((l) => new Set(l)));

  const text = (units: Uint16Array) => {
    const end = units.indexOf(0);
    return String.fromCharCode(...(end === -1 ? units : units.subarray(0, end)));
  };
  const status = new Map(Object.entries(IF_OPER_STATUS).map(([name, n]) => [n, name]));

  /** The former conversion, member by member. */
  const formerInterface = (row: Row, stacks: { ipv4: Set<bigint> | null; ipv6: Set<bigint> | null }): NetworkInterface | null => {
    if (((row['InterfaceAndOperStatusFlags'] as number) & 0b10) !== 0) return null;
    const luid = BigInt(row['InterfaceLuid'] as number | bigint);
    const mac = (row['PhysicalAddress'] as Uint8Array).subarray(0, row['PhysicalAddressLength'] as number);
    return {
      luid: luid.toString(),
      index: row['InterfaceIndex'] as number,
      alias: text(row['Alias'] as Uint16Array),
      description: text(row['Description'] as Uint16Array),
      type: row['Type'] as number,
      operStatus: (status.get(row['OperStatus'] as number) ?? 'unknown') as NetworkInterface['operStatus'],
      mac: Array.from(mac, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join('-'),
      mtu: row['Mtu'] as number,
      ipv4: stacks.ipv4?.has(luid) ?? false,
      ipv6: stacks.ipv6?.has(luid) ?? false,
    };
  };

  it('decode as koffi rows converted one by one did, filter interfaces left out (property)', () => {
    fc.assert(
      fc.property(fc.array(ifRow, { maxLength: 12 }), stackSet, stackSet, (rows, ipv4, ipv6) => {
        const stacks = { ipv4, ipv6 };
        const { value, koffiRows } = readTable(MIB_IF_TABLE2, MIB_IF_ROW2, rows, (r) => decodeIfRows(r, stacks));
        expect(value).toEqual(koffiRows.map((row) => formerInterface(row, stacks)).filter((i) => i !== null));
      }),
      { numRuns: 200 },
    );
  });

  it('name the interfaces that carry each stack, from either table, by the family of each row', () => {
    const withFamily = {
      ipInterface: (family: number) => ({ Family: family }),
      unicast: (family: number) => ({ Address: { bytes: Uint8Array.of(family, 0, ...new Uint8Array(26)) } }),
    };
    for (const [tableType, rowType, decode, familyOf] of [
      [MIB_IPINTERFACE_TABLE, MIB_IPINTERFACE_ROW, decodeIpInterfaceStacks, withFamily.ipInterface],
      [MIB_UNICASTIPADDRESS_TABLE, MIB_UNICASTIPADDRESS_ROW, decodeUnicastAddressStacks, withFamily.unicast],
    ] as const) {
      fc.assert(
        // Family 99 stands for a row of neither family, which carries no stack the app knows.
        fc.property(fc.array(fc.tuple(luid, fc.constantFrom(AF_INET, AF_INET6, 99)), { maxLength: 10 }), (pairs) => {
          const rows = pairs.map(([InterfaceLuid, family]) => ({ InterfaceLuid, InterfaceIndex: 7, ...familyOf(family) }));
          const { value, koffiRows } = readTable(tableType, rowType, rows, decode);
          const luidsOf = (family: number) =>
            new Set(koffiRows.filter((_, i) => pairs[i]![1] === family).map((row) => BigInt(row['InterfaceLuid'] as number | bigint)));
          expect(value).toEqual({ ipv4: luidsOf(AF_INET), ipv6: luidsOf(AF_INET6) });
        }),
        { numRuns: 50 },
      );
    }
  });
});

describe('readMibTable', () => {
  const handing = (memory: bigint, code: number) => async (table: Out<Pointer>) => {
    table[0] = memory;
    return code;
  };

  it('frees the table it was handed, after copying its rows', async () => {
    const row = { Address: { bytes: Uint8Array.of(AF_INET, 0, 0, 0, 192, 0, 2, 1, ...new Uint8Array(20)) }, InterfaceLuid: 5n, InterfaceIndex: 3, ScopeId: 0 };
    const memory = nativeTable(MIB_ANYCASTIPADDRESS_TABLE, MIB_ANYCASTIPADDRESS_ROW, [row]);
    const freed: bigint[] = [];
    const result = await readMibTable((pointer) => freed.push(pointer), handing(memory, NO_ERROR), MIB_ANYCASTIPADDRESS_TABLE);
    koffi.free(memory);
    expect(freed).toEqual([memory]);
    expect(result.ok && result.value.count).toBe(1);
  });

  it('frees a table that came with a failure code, and passes the code on', async () => {
    const memory = nativeTable(MIB_ANYCASTIPADDRESS_TABLE, MIB_ANYCASTIPADDRESS_ROW, []);
    const freed: bigint[] = [];
    const result = await readMibTable((pointer) => freed.push(pointer), handing(memory, 1168), MIB_ANYCASTIPADDRESS_TABLE);
    koffi.free(memory);
    expect(freed).toEqual([memory]);
    expect(result).toEqual({ ok: false, code: 1168 });
  });
});
