/**
 * The rows of the tables the backend lists, read from their bytes (mib-table.ts): only
 * the members the domain objects need, at the offsets of the koffi declarations, which
 * test/ffi/struct-layout.test.ts checks against the SDK.
 */
import koffi, { type TypeObject } from 'koffi';
import type { AnycastEntry, NetworkInterface } from '../../../app/model';
import {
  anycastEntry,
  decodeSockaddrInet,
  decodeUtf16,
  formatMac,
  isFilterInterface,
  luidTextCache,
  operStatusFromWindows,
  type InterfaceIds,
} from './iphlpapi-decode';
import { MIB_ANYCASTIPADDRESS_ROW, MIB_IF_ROW2, MIB_IPINTERFACE_ROW, MIB_UNICASTIPADDRESS_ROW } from './iphlpapi-types';
import type { MibRows } from './mib-table';

function offsets<M extends string>(row: TypeObject, members: readonly M[]): Readonly<Record<M, number>> {
  return Object.fromEntries(members.map((member) => [member, koffi.offsetof(row, member)])) as Record<M, number>;
}

function arrayLength(row: TypeObject, member: string): number {
  const length = row.members?.[member]?.type.length;
  if (length === undefined) throw new Error(`${member} is not an array member`);
  return length;
}

const ANYCAST = offsets(MIB_ANYCASTIPADDRESS_ROW, ['Address', 'InterfaceLuid', 'InterfaceIndex', 'ScopeId']);
const IF_ROW = offsets(MIB_IF_ROW2, [
  'InterfaceLuid',
  'InterfaceIndex',
  'Alias',
  'Description',
  'PhysicalAddressLength',
  'PhysicalAddress',
  'Mtu',
  'Type',
  'InterfaceAndOperStatusFlags',
  'OperStatus',
]);
const IF_STRING_UNITS = arrayLength(MIB_IF_ROW2, 'Alias');
const PHYSICAL_ADDRESS_BYTES = arrayLength(MIB_IF_ROW2, 'PhysicalAddress');

export function decodeAnycastRows({ bytes, view, count, stride }: MibRows, ids: InterfaceIds): AnycastEntry[] {
  const luidText = luidTextCache();
  const entries: AnycastEntry[] = [];
  for (let base = 0; base < count * stride; base += stride) {
    entries.push(
      anycastEntry(
        decodeSockaddrInet(bytes, base + ANYCAST.Address),
        view.getBigUint64(base + ANYCAST.InterfaceLuid, true),
        view.getUint32(base + ANYCAST.InterfaceIndex, true),
        view.getUint32(base + ANYCAST.ScopeId, true),
        ids,
        luidText,
      ),
    );
  }
  return entries;
}

/** The LUIDs of the interfaces that carry each stack; null where the machine has no such stack. */
export interface Stacks {
  ipv4: ReadonlySet<bigint> | null;
  ipv6: ReadonlySet<bigint> | null;
}

/** GetIfTable2's rows as interfaces, NDIS filter interfaces left out (see isFilterInterface). */
export function decodeIfRows({ bytes, view, count, stride }: MibRows, stacks: Stacks): NetworkInterface[] {
  const interfaces: NetworkInterface[] = [];
  for (let base = 0; base < count * stride; base += stride) {
    if (isFilterInterface(bytes[base + IF_ROW.InterfaceAndOperStatusFlags]!)) continue;
    const luid = view.getBigUint64(base + IF_ROW.InterfaceLuid, true);
    const mac = base + IF_ROW.PhysicalAddress;
    interfaces.push({
      luid: luid.toString(),
      index: view.getUint32(base + IF_ROW.InterfaceIndex, true),
      alias: decodeUtf16(view, base + IF_ROW.Alias, IF_STRING_UNITS),
      description: decodeUtf16(view, base + IF_ROW.Description, IF_STRING_UNITS),
      type: view.getUint32(base + IF_ROW.Type, true),
      operStatus: operStatusFromWindows(view.getUint32(base + IF_ROW.OperStatus, true)),
      mac: formatMac(bytes.subarray(mac, mac + PHYSICAL_ADDRESS_BYTES), view.getUint32(base + IF_ROW.PhysicalAddressLength, true)),
      mtu: view.getUint32(base + IF_ROW.Mtu, true),
      ipv4: stacks.ipv4?.has(luid) ?? false,
      ipv6: stacks.ipv6?.has(luid) ?? false,
    });
  }
  return interfaces;
}

/** The InterfaceLuid of every row, for tables of rows that name an interface. */
function interfaceLuids(row: TypeObject): (rows: MibRows) => Set<bigint> {
  const at = koffi.offsetof(row, 'InterfaceLuid');
  return ({ view, count, stride }) => {
    const luids = new Set<bigint>();
    for (let base = 0; base < count * stride; base += stride) luids.add(view.getBigUint64(base + at, true));
    return luids;
  };
}

export const decodeIpInterfaceLuids = interfaceLuids(MIB_IPINTERFACE_ROW);
export const decodeUnicastAddressLuids = interfaceLuids(MIB_UNICASTIPADDRESS_ROW);
