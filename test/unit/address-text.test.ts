/** The address formatters for whole tables give exactly the text ipaddr.js gives. */
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { formatIpv4, formatIpv6 } from '../../main/backends/windows/address-text';

const ipv6 = (text: string) => Uint8Array.from(ipaddr.IPv6.parse(text).toByteArray());
const viaIpaddr = (bytes: Uint8Array) => new ipaddr.IPv6(Array.from(bytes)).toRFC5952String();

/** Uniform bytes almost never hold a zero group, so most addresses are built from groups that often are. */
const group = fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 0xff }), fc.integer({ min: 0, max: 0xffff }));
const groupedAddress = fc.array(group, { minLength: 8, maxLength: 8 }).map((groups) => {
  const bytes = new Uint8Array(16);
  groups.forEach((value, i) => bytes.set([value >> 8, value & 0xff], 2 * i));
  return bytes;
});
const anyAddress = fc.oneof(fc.uint8Array({ minLength: 16, maxLength: 16 }), groupedAddress);

describe('formatIpv6', () => {
  it('matches ipaddr.js toRFC5952String for any 16 bytes (property)', () => {
    fc.assert(
      fc.property(anyAddress, (bytes) => {
        expect(formatIpv6(bytes, 0)).toBe(viaIpaddr(bytes));
      }),
      { numRuns: 20_000 },
    );
  });

  it('reads the address at an offset of a larger buffer', () => {
    fc.assert(
      fc.property(anyAddress, fc.nat(40), (address, at) => {
        const buffer = new Uint8Array(at + 20).fill(0xab);
        buffer.set(address, at);
        expect(formatIpv6(buffer, at)).toBe(viaIpaddr(address));
      }),
    );
  });

  it.each([
    ['::', '::'],
    ['::1', '::1'],
    ['1::', '1::'],
    ['2001:DB8:0:0:0:0:0:A0', '2001:db8::a0'],
    // One zero group is not compressed.
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    // The longest run wins, the first of equal runs, at the start as anywhere else.
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['0:0:1:0:0:1:1:1', '::1:0:0:1:1:1'],
    ['0:0:0:1:0:0:0:1', '::1:0:0:0:1'],
    ['1:1:1:1:1:0:0:0', '1:1:1:1:1::'],
    // IPv4-mapped and -compatible addresses stay in hex, as ipaddr.js writes them.
    ['::ffff:192.0.2.1', '::ffff:c000:201'],
    ['0:0:0:0:0:0:c000:201', '::c000:201'],
    ['fe80::ff:fe00:1', 'fe80::ff:fe00:1'],
  ])('writes %s as %s', (input, expected) => {
    expect(formatIpv6(ipv6(input), 0)).toBe(expected);
    expect(viaIpaddr(ipv6(input))).toBe(expected);
  });
});

describe('formatIpv4', () => {
  it('matches ipaddr.js for any 4 bytes at any offset (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 4, maxLength: 4 }), fc.nat(8), (address, at) => {
        const buffer = new Uint8Array(at + 4);
        buffer.set(address, at);
        expect(formatIpv4(buffer, at)).toBe(new ipaddr.IPv4(Array.from(address)).toString());
      }),
    );
    expect(formatIpv4(Uint8Array.from([0, 10, 255, 1]), 0)).toBe('0.10.255.1');
  });
});
