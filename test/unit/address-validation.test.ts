import { validateAnycastAddress, type AddressProblem } from '../../app/address-validation';

describe('address validation accepts the unicast addresses the API takes', () => {
  it.each([
    ['192.0.2.10', '192.0.2.10', 'ipv4'],
    ['  198.51.100.7 ', '198.51.100.7', 'ipv4'],
    ['10.0.0.1', '10.0.0.1', 'ipv4'],
    ['2001:db8::10', '2001:db8::10', 'ipv6'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1', 'ipv6'],
    ['fd00:1::53', 'fd00:1::53', 'ipv6'],
  ])('%j becomes %s (%s)', (input, address, family) => {
    const check = validateAnycastAddress(input);
    expect(check).toMatchObject({ ok: true, address, family, warnings: [], notes: [] });
  });
});

describe('address validation refuses with a specific reason', () => {
  it.each<[string, AddressProblem, RegExp]>([
    ['', 'empty', /Enter an IPv4 address/],
    ['   ', 'empty', /Enter an IPv4 address/],
    ['10.0.0.0/24', 'cidr', /single address, not a network.*\/24/],
    ['2001:db8::/64', 'cidr', /not a network/],
    ['192.0.2.1 192.0.2.2', 'contains-space', /cannot contain spaces/],
    ['192.0.2', 'malformed', /four numbers/],
    ['192.0.2.300', 'malformed', /300 is too large/],
    ['010.1.1.1', 'ipv4-shorthand', /Leading zeros/],
    ['0x7f.1', 'ipv4-shorthand', /127\.0\.0\.1/],
    ['hello', 'malformed', /not an IPv4 or IPv6 address/],
    ['2001:db8::1::2', 'malformed', /only once/],
    ['2001:db8::zz', 'malformed', /only 0-9, a-f/],
    ['1:2:3:4:5:6:7:8:9', 'malformed', /at most eight groups/],
    ['0.0.0.0', 'unspecified', /unspecified/],
    ['::', 'unspecified', /unspecified/],
    ['0.1.2.3', 'this-network', /this network/],
    ['255.255.255.255', 'broadcast', /broadcast/],
    ['224.0.0.1', 'multicast', /multicast/],
    ['239.255.255.250', 'multicast', /multicast/],
    ['ff02::1', 'multicast', /multicast/],
    ['::ffff:192.0.2.1', 'ipv4-mapped', /enter 192\.0\.2\.1 instead/],
    ['fe80::1%a b', 'contains-space', /spaces/],
    ['fe80::1%$$', 'bad-zone', /zone identifier/],
    ['1'.repeat(101), 'too-long', /at most 45/],
  ])('%j is refused as %s', (input, problem, reason) => {
    const check = validateAnycastAddress(input);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problem).toBe(problem);
    expect(check.reason).toMatch(reason);
  });
});

describe('address validation warns and notes instead of staying silent', () => {
  it('warns that a loopback address only reaches this computer', () => {
    const check = validateAnycastAddress('127.0.0.1');
    expect(check.ok && check.warnings.join()).toMatch(/loopback/);
    const v6 = validateAnycastAddress('::1');
    expect(v6.ok && v6.warnings.join()).toMatch(/loopback/);
  });

  it('warns that link-local addresses stay on the attached link', () => {
    const v4 = validateAnycastAddress('169.254.10.1');
    expect(v4.ok && v4.warnings.join()).toMatch(/link-local/);
    const v6 = validateAnycastAddress('fe80::53');
    expect(v6.ok && v6.warnings.join()).toMatch(/link-local/);
  });

  it('accepts a zone suffix, drops it, and says the interface decides the scope', () => {
    const check = validateAnycastAddress('fe80::1%12');
    expect(check).toMatchObject({ ok: true, address: 'fe80::1', family: 'ipv6' });
    expect(check.ok && check.notes.join()).toMatch(/%12.*interface you choose/);
  });
});
