/**
 * Pure conversions between the rows the IP Helper API reads and writes (as koffi
 * decodes them with the declarations in iphlpapi-types.ts) and the domain objects
 * of app/model.ts. Nothing here touches koffi or a DLL, so all of it is unit-tested.
 */
import ipaddr from 'ipaddr.js';
import type { AnycastEntry, Family, NetworkInterface, OperStatus } from '../../../app/model';
import type { AnycastRow } from '../backend';

/** Windows address families (ws2def.h): AF_INET6 is 23 here, not Linux's 10. */
export const AF_UNSPEC = 0;
export const AF_INET = 2;
export const AF_INET6 = 23;

export const SOCKADDR_INET_SIZE = 28;

/** Byte offsets inside SOCKADDR_INET (ws2ipdef.h); the layout test checks them against the SDK. */
export const SOCKADDR_INET_OFFSETS = {
  family: 0,
  ipv4Address: 4,
  ipv6Address: 8,
  ipv6ScopeId: 24,
} as const;

/** IF_OPER_STATUS (ifdef.h) for each domain status. */
export const IF_OPER_STATUS: Readonly<Record<OperStatus, number>> = {
  up: 1,
  down: 2,
  testing: 3,
  unknown: 4,
  dormant: 5,
  notPresent: 6,
  lowerLayerDown: 7,
};

/** Bit 1 of MIB_IF_ROW2.InterfaceAndOperStatusFlags (bit-fields fill from bit 0 in declaration order). */
const FILTER_INTERFACE_FLAG = 1 << 1;

/** SOCKADDR_INET as koffi carries it: the union's 28 raw bytes. */
export interface SockaddrInetValue {
  bytes: Uint8Array;
}

/** koffi hands a u64 over as a Number when it is small enough, else as a BigInt. */
export type U64Value = number | bigint;

export interface AnycastRowValue {
  Address: SockaddrInetValue;
  InterfaceLuid: U64Value;
  InterfaceIndex: number;
  ScopeId: number;
}

/** The MIB_IF_ROW2 members the backend reads. */
export interface IfRow2Value {
  InterfaceLuid: U64Value;
  InterfaceIndex: number;
  Alias: Uint16Array;
  Description: Uint16Array;
  PhysicalAddressLength: number;
  PhysicalAddress: Uint8Array;
  Mtu: number;
  Type: number;
  InterfaceAndOperStatusFlags: number;
  OperStatus: number;
}

/** The MIB_IPINTERFACE_ROW member the backend reads: which interface carries the stack. */
export interface IpInterfaceRowValue {
  InterfaceLuid: U64Value;
}

/** The MIB_UNICASTIPADDRESS_ROW member the backend reads: which interface holds the address. */
export interface UnicastAddressRowValue {
  InterfaceLuid: U64Value;
}

export interface SocketAddress {
  family: Family;
  /** Dotted quad, or RFC 5952 text for IPv6 (no zone: the scope travels separately). */
  address: string;
  /** sin6_scope_id; always 0 for IPv4. */
  scopeId: number;
}

/**
 * The SOCKADDR_INET for an address of the given family, or null when the text is not
 * such an address (the API would refuse the row with ERROR_INVALID_PARAMETER). The
 * port and flow information stay zero; a zone suffix is refused because the row's
 * scope, not the text, says where a link-local address lives.
 */
export function encodeSockaddrInet(address: string, family: Family, scopeId = 0): Uint8Array | null {
  const bytes = new Uint8Array(SOCKADDR_INET_SIZE);
  const view = new DataView(bytes.buffer);
  if (family === 'ipv4') {
    if (!ipaddr.IPv4.isValidFourPartDecimal(address)) return null;
    view.setUint16(SOCKADDR_INET_OFFSETS.family, AF_INET, true);
    bytes.set(ipaddr.IPv4.parse(address).toByteArray(), SOCKADDR_INET_OFFSETS.ipv4Address);
    return bytes;
  }
  if (address.includes('%') || !ipaddr.IPv6.isValid(address)) return null;
  view.setUint16(SOCKADDR_INET_OFFSETS.family, AF_INET6, true);
  bytes.set(ipaddr.IPv6.parse(address).toByteArray(), SOCKADDR_INET_OFFSETS.ipv6Address);
  view.setUint32(SOCKADDR_INET_OFFSETS.ipv6ScopeId, scopeId >>> 0, true);
  return bytes;
}

/** Reads a SOCKADDR_INET by its si_family. Windows only returns AF_INET and AF_INET6 rows; anything else is a broken row. */
export function decodeSockaddrInet(bytes: Uint8Array): SocketAddress {
  if (bytes.length < SOCKADDR_INET_SIZE) throw new Error(`SOCKADDR_INET is ${SOCKADDR_INET_SIZE} bytes, got ${bytes.length}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const family = view.getUint16(SOCKADDR_INET_OFFSETS.family, true);
  if (family === AF_INET) {
    const at = SOCKADDR_INET_OFFSETS.ipv4Address;
    return { family: 'ipv4', address: new ipaddr.IPv4(Array.from(bytes.subarray(at, at + 4))).toString(), scopeId: 0 };
  }
  if (family === AF_INET6) {
    const at = SOCKADDR_INET_OFFSETS.ipv6Address;
    return {
      family: 'ipv6',
      address: new ipaddr.IPv6(Array.from(bytes.subarray(at, at + 16))).toRFC5952String(),
      scopeId: view.getUint32(SOCKADDR_INET_OFFSETS.ipv6ScopeId, true),
    };
  }
  throw new Error(`SOCKADDR_INET with address family ${family}, which is neither AF_INET nor AF_INET6`);
}

export function toLuid(value: U64Value): bigint {
  return BigInt(value);
}

/** LUIDs cross IPC as decimal strings: BigInt does not serialise, and a u64 does not fit a Number. */
export function luidToString(luid: U64Value): string {
  return toLuid(luid).toString();
}

/** A WCHAR buffer as text, up to its first NUL. */
export function decodeUtf16(units: Uint16Array): string {
  const end = units.indexOf(0);
  return String.fromCharCode(...(end === -1 ? units : units.subarray(0, end)));
}

/** "3C-52-82-4A-1B-7E", as ipconfig shows it; '' for interfaces without one (loopback, tunnels). */
export function formatMac(bytes: Uint8Array, length: number): string {
  return Array.from(bytes.subarray(0, length), (b) => b.toString(16).toUpperCase().padStart(2, '0')).join('-');
}

const OPER_STATUS_BY_NUMBER = new Map(Object.entries(IF_OPER_STATUS).map(([name, n]) => [n, name as OperStatus]));

export function operStatusFromWindows(value: number): OperStatus {
  return OPER_STATUS_BY_NUMBER.get(value) ?? 'unknown';
}

/**
 * NDIS filter drivers (QoS, WFP, virtual switch extensions) show up in GetIfTable2 as
 * extra interfaces on top of an adapter. They carry no IP stack and would list each
 * adapter several times, so the backend leaves them out.
 */
export function isFilterInterface(row: Pick<IfRow2Value, 'InterfaceAndOperStatusFlags'>): boolean {
  return (row.InterfaceAndOperStatusFlags & FILTER_INTERFACE_FLAG) !== 0;
}

export function ifRowToInterface(row: IfRow2Value, stacks: { ipv4: boolean; ipv6: boolean }): NetworkInterface {
  return {
    luid: luidToString(row.InterfaceLuid),
    index: row.InterfaceIndex,
    alias: decodeUtf16(row.Alias),
    description: decodeUtf16(row.Description),
    type: row.Type,
    operStatus: operStatusFromWindows(row.OperStatus),
    mac: formatMac(row.PhysicalAddress, row.PhysicalAddressLength),
    mtu: row.Mtu,
    ipv4: stacks.ipv4,
    ipv6: stacks.ipv6,
  };
}

/** The MIB row for a request, or null when its address is not one of its family. */
export function anycastRowValue(row: AnycastRow): AnycastRowValue | null {
  const bytes = encodeSockaddrInet(row.address, row.family, row.scopeId);
  if (!bytes) return null;
  return {
    Address: { bytes },
    InterfaceLuid: row.interfaceLuid,
    InterfaceIndex: row.interfaceIndex,
    ScopeId: row.scopeId,
  };
}

/** A row as Windows returned it; ScopeId is the row's member, the one Windows fills in from the interface. */
export function anycastRowToEntry(row: AnycastRowValue): AnycastEntry {
  const { family, address } = decodeSockaddrInet(row.Address.bytes);
  return {
    address,
    family,
    interfaceLuid: luidToString(row.InterfaceLuid),
    interfaceIndex: row.InterfaceIndex,
    scopeId: row.ScopeId,
  };
}
