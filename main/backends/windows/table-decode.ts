/**
 * The rows of the tables the backend lists, read from their bytes (mib-table.ts): only
 * the members the domain objects need, at the offsets of the koffi declarations, which
 * test/ffi/struct-layout.test.ts checks against the SDK.
 */
import koffi, { type TypeObject } from 'koffi';
import type { AnycastEntry, NetworkInterface } from '../../../app/model';
import {
  AF_INET,
  AF_INET6,
  anycastEntry,
  decodeSockaddrInet,
  decodeUtf16,
  formatMac,
  isFilterInterface,
  luidTextCache,
  operStatusFromWindows,
  SOCKADDR_INET_OFFSETS,
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

/** The LUIDs of the interfaces with a row of each family. */
export interface StackCarriers {
  ipv4: Set<bigint>;
  ipv6: Set<bigint>;
}

/** For tables whose rows name an interface and, at byte `familyAt` (a u16), an address family. */
function carriersByFamily(row: TypeObject, familyAt: number): (rows: MibRows) => StackCarriers {
  const luidAt = koffi.offsetof(row, 'InterfaceLuid');
  return ({ view, count, stride }) => {
    const carriers: StackCarriers = { ipv4: new Set(), ipv6: new Set() };
    for (let base = 0; base < count * stride; base += stride) {
      const family = view.getUint16(base + familyAt, true);
      const set = family === AF_INET ? carriers.ipv4 : family === AF_INET6 ? carriers.ipv6 : undefined;
      set?.add(view.getBigUint64(base + luidAt, true));
    }
    return carriers;
  };
}

/** GetIpInterfaceTable's rows: one per interface and family it carries. */
export const decodeIpInterfaceStacks = carriersByFamily(MIB_IPINTERFACE_ROW, koffi.offsetof(MIB_IPINTERFACE_ROW, 'Family'));
/** GetUnicastIpAddressTable's rows: one per address, its family in the address. */
export const decodeUnicastAddressStacks = carriersByFamily(
  MIB_UNICASTIPADDRESS_ROW,
  koffi.offsetof(MIB_UNICASTIPADDRESS_ROW, 'Address') + SOCKADDR_INET_OFFSETS.family,
);
