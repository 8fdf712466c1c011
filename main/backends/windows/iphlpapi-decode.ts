/**
 * Pure conversions between the rows the IP Helper API reads and writes and the domain
 * objects of app/model.ts. Nothing here touches koffi or a DLL, so all of it is unit-tested;
 * table-decode.ts applies it to whole tables.
 */
import ipaddr from 'ipaddr.js';
import type { AnycastEntry, Family, OperStatus } from '../../../app/model';
import type { AnycastRow } from '../backend';
import { formatIpv4, formatIpv6 } from './address-text';

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

/**
 * Reads the SOCKADDR_INET at byte `at` by its si_family. Windows only returns AF_INET and
 * AF_INET6 rows; anything else is a broken row.
 */
export function decodeSockaddrInet(bytes: Uint8Array, at = 0): SocketAddress {
  if (bytes.length - at < SOCKADDR_INET_SIZE) throw new Error(`SOCKADDR_INET is ${SOCKADDR_INET_SIZE} bytes, got ${bytes.length - at}`);
  const family = u16(bytes, at + SOCKADDR_INET_OFFSETS.family);
  if (family === AF_INET) return { family: 'ipv4', address: formatIpv4(bytes, at + SOCKADDR_INET_OFFSETS.ipv4Address), scopeId: 0 };
  if (family === AF_INET6) {
    return {
      family: 'ipv6',
      address: formatIpv6(bytes, at + SOCKADDR_INET_OFFSETS.ipv6Address),
      scopeId: u32(bytes, at + SOCKADDR_INET_OFFSETS.ipv6ScopeId),
    };
  }
  throw new Error(`SOCKADDR_INET with address family ${family}, which is neither AF_INET nor AF_INET6`);
}

/** Little-endian, as every x64 and arm64 Windows stores it. */
function u16(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (u16(bytes, at) | (u16(bytes, at + 2) << 16)) >>> 0;
}

export function toLuid(value: U64Value): bigint {
  return BigInt(value);
}

/** LUIDs cross IPC as decimal strings: BigInt does not serialise, and a u64 does not fit a Number. */
export function luidToString(luid: U64Value): string {
  return toLuid(luid).toString();
}

/** Decimal text per LUID, for one listing: rows of one interface share the string. */
export function luidTextCache(): (luid: bigint) => string {
  const texts = new Map<bigint, string>();
  return (luid) => {
    let text = texts.get(luid);
    if (text === undefined) texts.set(luid, (text = luid.toString()));
    return text;
  };
}

/** `maxUnits` WCHARs (little-endian) from byte `at` as text, up to the first NUL. */
export function decodeUtf16(view: DataView, at: number, maxUnits: number): string {
  let text = '';
  for (let i = 0; i < maxUnits; i++) {
    const unit = view.getUint16(at + 2 * i, true);
    if (unit === 0) break;
    text += String.fromCharCode(unit);
  }
  return text;
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
export function isFilterInterface(interfaceAndOperStatusFlags: number): boolean {
  return (interfaceAndOperStatusFlags & FILTER_INTERFACE_FLAG) !== 0;
}

/**
 * The MIB row for a request, or null when its address is not one of its family. The scope
 * goes in the row's ScopeId member only: the API documents that member (ignored on create),
 * not the address's own sin6_scope_id, which stays zero as the service sends it.
 */
export function anycastRowValue(row: AnycastRow): AnycastRowValue | null {
  const bytes = encodeSockaddrInet(row.address, row.family);
  if (!bytes) return null;
  return {
    Address: { bytes },
    InterfaceLuid: row.interfaceLuid,
    InterfaceIndex: row.interfaceIndex,
    ScopeId: row.scopeId,
  };
}

/** Finds the half of an interface's identity a row lacks; null where Windows cannot. */
export interface InterfaceIds {
  luidOf(index: number): bigint | null;
  indexOf(luid: bigint): number | null;
}

/**
 * A row as Windows returned it, naming both the LUID and the index (Windows may return
 * only one). ScopeId is the row's member, the one Windows fills in from the interface.
 */
export function anycastEntry(
  address: SocketAddress,
  luid: bigint,
  index: number,
  scopeId: number,
  ids: InterfaceIds,
  luidText: (luid: bigint) => string = luidToString,
): AnycastEntry {
  if (luid === 0n && index !== 0) luid = ids.luidOf(index) ?? luid;
  else if (luid !== 0n && index === 0) index = ids.indexOf(luid) ?? index;
  return { address: address.address, family: address.family, interfaceLuid: luidText(luid), interfaceIndex: index, scopeId };
}

/** A row koffi decoded (GetAnycastIpAddressEntry's in/out row) as a domain entry. */
export function anycastRowToEntry(row: AnycastRowValue, ids: InterfaceIds): AnycastEntry {
  return anycastEntry(decodeSockaddrInet(row.Address.bytes), toLuid(row.InterfaceLuid), row.InterfaceIndex, row.ScopeId, ids);
}
