/** The pure conversions between Windows rows and domain objects. */
import {
  AF_INET,
  AF_INET6,
  anycastEntry,
  anycastRowToEntry,
  anycastRowValue,
  decodeSockaddrInet,
  decodeUtf16,
  encodeSockaddrInet,
  formatMac,
  isFilterInterface,
  luidTextCache,
  luidToString,
  operStatusFromWindows,
  type InterfaceIds,
} from '../../main/backends/windows/iphlpapi-decode';
import { makeLuid } from '../../main/backends/simulated/seed';

const utf16 = (text: string, length = 257): Uint16Array => {
  const units = new Uint16Array(length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
};

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const text = (units: Uint16Array) => decodeUtf16(new DataView(units.buffer), 0, units.length);

describe('SOCKADDR_INET', () => {
  it('encodes IPv4 as AF_INET (2, little-endian) with the address in network order at byte 4', () => {
    const bytes = encodeSockaddrInet('192.0.2.53', 'ipv4')!;
    expect(bytes).toHaveLength(28);
    expect(hex(bytes)).toBe('0200' + '0000' + 'c0000235' + '00'.repeat(20));
    expect(decodeSockaddrInet(bytes)).toEqual({ family: 'ipv4', address: '192.0.2.53', scopeId: 0 });
  });

  it('encodes IPv6 as AF_INET6 (23) with the address at byte 8 and the scope id at byte 24', () => {
    const bytes = encodeSockaddrInet('2001:db8::53', 'ipv6', 0)!;
    expect(hex(bytes)).toBe('1700' + '0000' + '00000000' + '20010db8000000000000000000000053' + '00000000');
    expect(decodeSockaddrInet(bytes)).toEqual({ family: 'ipv6', address: '2001:db8::53', scopeId: 0 });
  });

  it('carries the scope id of a link-local address, little-endian', () => {
    const bytes = encodeSockaddrInet('fe80::1:2', 'ipv6', 0x01020304)!;
    expect(hex(bytes.subarray(24))).toBe('04030201');
    expect(decodeSockaddrInet(bytes)).toEqual({ family: 'ipv6', address: 'fe80::1:2', scopeId: 0x01020304 });
  });

  it('decodes IPv6 to RFC 5952 text whatever the input spelling', () => {
    const bytes = encodeSockaddrInet('2001:0DB8:0000:0000:0000:0000:0000:00A0', 'ipv6')!;
    expect(decodeSockaddrInet(bytes).address).toBe('2001:db8::a0');
    expect(decodeSockaddrInet(encodeSockaddrInet('2001:db8:0:1:0:0:0:1', 'ipv6')!).address).toBe('2001:db8:0:1::1');
  });

  it('reads a row Windows filled in at an offset of a larger buffer', () => {
    const table = new Uint8Array(64);
    table.set(encodeSockaddrInet('198.51.100.7', 'ipv4')!, 8);
    expect(decodeSockaddrInet(table.subarray(8, 36)).address).toBe('198.51.100.7');
    expect(decodeSockaddrInet(table, 8).address).toBe('198.51.100.7');
    table.set(encodeSockaddrInet('fe80::7', 'ipv6', 0xfffffffe)!, 30);
    expect(decodeSockaddrInet(table, 30)).toEqual({ family: 'ipv6', address: 'fe80::7', scopeId: 0xfffffffe });
  });

  it('refuses text that is not an address of the given family, shorthand, or a zone suffix', () => {
    expect(encodeSockaddrInet('2001:db8::1', 'ipv4')).toBeNull();
    expect(encodeSockaddrInet('192.0.2.1', 'ipv6')).toBeNull();
    expect(encodeSockaddrInet('10.1', 'ipv4')).toBeNull();
    expect(encodeSockaddrInet('fe80::1%12', 'ipv6')).toBeNull();
    expect(encodeSockaddrInet('', 'ipv4')).toBeNull();
  });

  it('throws on a family that is neither AF_INET nor AF_INET6, or a short buffer', () => {
    const bytes = new Uint8Array(28);
    bytes[0] = 10; // Linux's AF_INET6, not Windows'
    expect(() => decodeSockaddrInet(bytes)).toThrow(/family 10/);
    expect(() => decodeSockaddrInet(new Uint8Array(16))).toThrow(/28 bytes/);
    expect(() => decodeSockaddrInet(new Uint8Array(40), 20)).toThrow(/28 bytes, got 20/);
    expect([AF_INET, AF_INET6]).toEqual([2, 23]);
  });
});

describe('LUIDs', () => {
  it('become exact decimal strings, IfType in the top bits included', () => {
    const tunnel = makeLuid(131, 1);
    expect(luidToString(tunnel)).toBe('36873221965873152');
    expect(BigInt(luidToString(tunnel))).toBe(tunnel);
    expect(luidToString(0xffff_ffff_ffff_ffffn)).toBe('18446744073709551615');
    // koffi gives small u64 values as Numbers.
    expect(luidToString(Number(makeLuid(6, 1)))).toBe(makeLuid(6, 1).toString());
    expect(luidToString(0)).toBe('0');
  });

  it('keep one decimal string per LUID within a listing', () => {
    const luidText = luidTextCache();
    const tunnel = makeLuid(131, 1);
    expect([luidText(tunnel), luidText(0n), luidText(tunnel), luidText(0xffff_ffff_ffff_ffffn)]).toEqual([
      '36873221965873152',
      '0',
      '36873221965873152',
      '18446744073709551615',
    ]);
  });
});

describe('UTF-16 text', () => {
  it('stops at the first NUL and keeps non-ASCII and surrogate pairs', () => {
    expect(text(utf16('Ethernet'))).toBe('Ethernet');
    expect(text(utf16('Büro – Wi-Fi 😀'))).toBe('Büro – Wi-Fi 😀');
    const units = utf16('Wi-Fi');
    units.set([0x58, 0x59], 6); // garbage after the terminator
    expect(text(units)).toBe('Wi-Fi');
    expect(text(new Uint16Array(257))).toBe('');
  });

  it('reads no more than the buffer holds, at any byte offset, little-endian', () => {
    expect(text(Uint16Array.from([0x41, 0x42, 0x43]))).toBe('ABC');
    const bytes = Uint8Array.from([0xff, 0x41, 0x00, 0xfc, 0x00, 0x43, 0x00]);
    expect(decodeUtf16(new DataView(bytes.buffer), 1, 2)).toBe('Aü');
  });
});

describe('MAC addresses', () => {
  it('are hyphenated upper-case hex of PhysicalAddressLength bytes, or empty', () => {
    const bytes = new Uint8Array(32);
    bytes.set([0x3c, 0x52, 0x82, 0x4a, 0x1b, 0x7e, 0xff]);
    expect(formatMac(bytes, 6)).toBe('3C-52-82-4A-1B-7E');
    expect(formatMac(bytes, 0)).toBe('');
    expect(formatMac(Uint8Array.from([0, 1, 0x0a]), 3)).toBe('00-01-0A');
  });
});

describe('interface rows', () => {
  it('map every IF_OPER_STATUS, and anything else to unknown', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(operStatusFromWindows)).toEqual([
      'up', 'down', 'testing', 'unknown', 'dormant', 'notPresent', 'lowerLayerDown',
    ]);
    expect(operStatusFromWindows(0)).toBe('unknown');
    expect(operStatusFromWindows(99)).toBe('unknown');
  });

  it('tell NDIS filter interfaces by bit 1 of the flags byte', () => {
    expect(isFilterInterface(0b10)).toBe(true);
    expect(isFilterInterface(0b11111101)).toBe(false);
  });
});

describe('anycast rows', () => {
  const ethernet = makeLuid(6, 1);
  const ids: InterfaceIds = {
    luidOf: (index) => (index === 12 ? ethernet : null),
    indexOf: (luid) => (luid === ethernet ? 12 : null),
  };
  const v4 = { family: 'ipv4', address: '192.0.2.1', scopeId: 0 } as const;

  it('carry the request into a MIB row and come back as the entry Windows stored', () => {
    const luid = makeLuid(131, 1);
    const value = anycastRowValue({ address: 'FE80::53', family: 'ipv6', interfaceLuid: luid, interfaceIndex: 14, scopeId: 0 })!;
    expect(value).toMatchObject({ InterfaceLuid: luid, InterfaceIndex: 14, ScopeId: 0 });
    // What Windows writes back: its own ScopeId.
    expect(anycastRowToEntry({ ...value, ScopeId: 14 }, ids)).toEqual({
      address: 'fe80::53',
      family: 'ipv6',
      interfaceLuid: luid.toString(),
      interfaceIndex: 14,
      scopeId: 14,
    });
  });

  it('put a requested scope in the row ScopeId only, never in the address itself', () => {
    const value = anycastRowValue({ address: 'fe80::65', family: 'ipv6', interfaceLuid: 1n, interfaceIndex: 0, scopeId: 4242 })!;
    expect(value.ScopeId).toBe(4242);
    expect(decodeSockaddrInet(value.Address.bytes).scopeId).toBe(0);
  });

  it('name both the LUID and the index, asking for the one a row lacks', () => {
    const expected = { interfaceLuid: ethernet.toString(), interfaceIndex: 12 };
    expect(anycastEntry(v4, 0n, 12, 0, ids)).toMatchObject(expected);
    expect(anycastEntry(v4, ethernet, 0, 0, ids)).toMatchObject(expected);
    // Koffi hands a small u64 over as a Number.
    expect(anycastRowToEntry({ ...anycastRowValue({ ...v4, interfaceLuid: 0n, interfaceIndex: 12 })!, InterfaceLuid: 0 }, ids)).toMatchObject(expected);
    // Where Windows cannot convert, the row stays as it came.
    expect(anycastEntry(v4, 0n, 99, 0, ids)).toMatchObject({ interfaceLuid: '0', interfaceIndex: 99 });
    expect(anycastEntry(v4, 5n, 0, 0, ids)).toMatchObject({ interfaceLuid: '5', interfaceIndex: 0 });
    // Neither or both: nothing to ask.
    const never: InterfaceIds = { luidOf: () => expect.unreachable(), indexOf: () => expect.unreachable() };
    expect(anycastEntry(v4, 0n, 0, 0, never)).toMatchObject({ interfaceLuid: '0', interfaceIndex: 0 });
    expect(anycastEntry(v4, 7n, 3, 0, never)).toEqual({ ...v4, interfaceLuid: '7', interfaceIndex: 3, scopeId: 0 });
  });

  it('has no MIB row for an address that is not of its family', () => {
    expect(anycastRowValue({ address: '192.0.2.1', family: 'ipv6', interfaceLuid: 1n, interfaceIndex: 0, scopeId: 0 })).toBeNull();
  });
});
