/**
 * Address validation with the rules CreateAnycastIpAddressEntry enforces (a valid
 * unicast IPv4 or IPv6 address), each refusal worded for a person.
 */
import ipaddr from 'ipaddr.js';
import type { Family } from './model';

export type AddressProblem =
  | 'empty'
  | 'too-long'
  | 'contains-space'
  | 'cidr'
  | 'malformed'
  | 'ipv4-shorthand'
  | 'unspecified'
  | 'this-network'
  | 'broadcast'
  | 'multicast'
  | 'ipv4-mapped'
  | 'bad-zone';

export type AddressCheck =
  | {
      ok: true;
      /** Canonical text: dotted quad, or RFC 5952 IPv6 without a zone. */
      address: string;
      family: Family;
      /** Accepted, but a person should think twice (loopback, link-local). */
      warnings: string[];
      /** Accepted, and something about the input was adjusted (zone suffix dropped). */
      notes: string[];
    }
  | { ok: false; problem: AddressProblem; reason: string };

/** Longest IPv6 text with an embedded IPv4 part and a zone is well under this. */
export const MAX_ADDRESS_LENGTH = 100;

const refuse = (problem: AddressProblem, reason: string): AddressCheck => ({ ok: false, problem, reason });

export function validateAnycastAddress(input: string): AddressCheck {
  const text = input.trim();
  if (text === '') return refuse('empty', 'Enter an IPv4 address such as 192.0.2.10 or an IPv6 address such as 2001:db8::10.');
  if (text.length > MAX_ADDRESS_LENGTH) return refuse('too-long', `That is ${text.length} characters; an IP address is at most 45.`);
  if (/\s/.test(text)) return refuse('contains-space', 'An address cannot contain spaces. Enter one address only.');
  if (text.includes('/')) {
    const [base, prefix] = text.split('/', 2);
    return refuse(
      'cidr',
      `Anycast entries take a single address, not a network. Remove "/${prefix}" and enter ${base || 'the address'} only.`,
    );
  }
  return text.includes(':') ? checkIPv6(text) : checkIPv4(text);
}

function checkIPv4(text: string): AddressCheck {
  if (!ipaddr.IPv4.isValidFourPartDecimal(text)) return explainBadIPv4(text);
  const ip = ipaddr.IPv4.parse(text);
  const octets = ip.octets;
  const address = ip.toString();
  if (octets.every((o) => o === 0)) return refuse('unspecified', '0.0.0.0 is the unspecified address; it cannot be assigned to an interface.');
  if (octets[0] === 0) return refuse('this-network', `${address} is in 0.0.0.0/8 ("this network"), which is never a host address.`);
  if (octets.every((o) => o === 255)) return refuse('broadcast', '255.255.255.255 is the limited broadcast address, not a unicast address.');
  const range = ip.range();
  if (range === 'multicast') {
    return refuse('multicast', `${address} is a multicast address (224.0.0.0 to 239.255.255.255). Anycast entries must be unicast addresses.`);
  }
  const warnings: string[] = [];
  if (range === 'loopback') warnings.push(`${address} is a loopback address: only programs on this computer can reach it.`);
  if (range === 'linkLocal') warnings.push(`${address} is link-local (169.254.0.0/16): it is reachable only on the directly attached network.`);
  if (octets[0]! >= 240) warnings.push(`${address} is in the reserved 240.0.0.0/4 block; most networks will not route it.`);
  return { ok: true, address, family: 'ipv4', warnings, notes: [] };
}

function explainBadIPv4(text: string): AddressCheck {
  const parts = text.split('.');
  if (/^[0-9.]+$/.test(text)) {
    if (parts.length !== 4 || parts.some((p) => p === '')) {
      return refuse('malformed', `An IPv4 address has four numbers separated by dots, like 192.0.2.10; "${text}" has ${parts.filter((p) => p !== '').length}.`);
    }
    const big = parts.find((p) => Number(p) > 255);
    if (big !== undefined) return refuse('malformed', `Each part of an IPv4 address is between 0 and 255; ${big} is too large.`);
    if (parts.some((p) => p.length > 1 && p.startsWith('0'))) {
      return refuse('ipv4-shorthand', 'Leading zeros are ambiguous (some tools read them as octal). Write each part without leading zeros.');
    }
  }
  if (ipaddr.IPv4.isValid(text)) {
    return refuse('ipv4-shorthand', `"${text}" is a shorthand or hexadecimal form. Write the address as four decimal numbers, like ${ipaddr.IPv4.parse(text).toString()}.`);
  }
  return refuse('malformed', `"${text}" is not an IPv4 or IPv6 address. Check for typing mistakes.`);
}

function checkIPv6(text: string): AddressCheck {
  const zoneAt = text.indexOf('%');
  const zone = zoneAt === -1 ? undefined : text.slice(zoneAt + 1);
  const bare = zoneAt === -1 ? text : text.slice(0, zoneAt);
  if (zone !== undefined && !/^[0-9A-Za-z._-]{1,64}$/.test(zone)) {
    return refuse('bad-zone', `"%${zone}" is not a zone identifier. Use a number such as %12, or leave the zone out.`);
  }
  if (!ipaddr.IPv6.isValid(bare)) {
    const groups = bare.split(':').length;
    if ((bare.match(/::/g) ?? []).length > 1) return refuse('malformed', 'An IPv6 address can use "::" only once.');
    if (/[^0-9a-fA-F:.]/.test(bare)) return refuse('malformed', `IPv6 addresses use only 0-9, a-f and colons; "${bare}" has other characters.`);
    if (groups > 8) return refuse('malformed', `An IPv6 address has at most eight groups; "${bare}" has ${groups}.`);
    return refuse('malformed', `"${text}" is not a valid IPv6 address. Check for typing mistakes.`);
  }
  const ip = ipaddr.IPv6.parse(bare);
  const range = ip.range();
  const address = ip.toRFC5952String();
  if (range === 'unspecified') return refuse('unspecified', ':: is the unspecified address; it cannot be assigned to an interface.');
  if (range === 'multicast') return refuse('multicast', `${address} is a multicast address (ff00::/8). Anycast entries must be unicast addresses.`);
  if (range === 'ipv4Mapped') {
    const v4 = ip.toIPv4Address().toString();
    return refuse('ipv4-mapped', `${address} is an IPv4-mapped IPv6 address. To add an IPv4 anycast address, enter ${v4} instead.`);
  }
  const warnings: string[] = [];
  const notes: string[] = [];
  if (range === 'loopback') warnings.push('::1 is the loopback address: only programs on this computer can reach it.');
  if (range === 'linkLocal') warnings.push(`${address} is link-local (fe80::/10): it is reachable only on the directly attached network.`);
  if (zone !== undefined) {
    notes.push(`The zone "%${zone}" is not used: Windows takes the scope from the interface you choose below.`);
  }
  return { ok: true, address, family: 'ipv6', warnings, notes };
}

/** Link-local IPv6 addresses are scoped to their link; Windows fills their ScopeId with the interface index. */
export function isIPv6LinkLocal(address: string): boolean {
  return ipaddr.IPv6.isValid(address) && ipaddr.IPv6.parse(address).range() === 'linkLocal';
}
