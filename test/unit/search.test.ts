import fc from 'fast-check';
import type { AnycastEntry, NetworkInterface } from '../../app/model';
import { countText, entrySearchKey, interfaceSearchKey, matchesEntry, matchesInterface, parseSearch } from '../../app/search';
import { largeInterfaces } from '../../main/backends/simulated/seed';

// FC_SEED=<n> replays a failing run; otherwise one fixed seed keeps CI deterministic.
const FC_OPTIONS = { seed: Number(process.env.FC_SEED ?? 1313), numRuns: 500 };

function iface(index: number, alias: string, extra: Partial<NetworkInterface> = {}): NetworkInterface {
  return {
    luid: String(1000 + index), index, alias, description: `Adapter ${index}`, type: 6, operStatus: 'up',
    mac: '', mtu: 1500, ipv4: true, ipv6: true, ...extra,
  };
}

function entry(address: string, on: NetworkInterface): AnycastEntry {
  return { address, family: address.includes(':') ? 'ipv6' : 'ipv4', interfaceLuid: on.luid, interfaceIndex: on.index, scopeId: 0 };
}

const ethernet = iface(12, 'Ethernet', { description: 'Intel(R) Ethernet Connection I219-LM', mac: '00-15-5D-01-02-03' });
const wifi = iface(18, 'Wi-Fi', { description: 'Intel(R) Wi-Fi 6 AX201 160MHz', mac: 'A4-C3-F0-11-22-33' });
const ethernet2 = iface(23, 'Ethernet 2', { description: 'Realtek USB GbE Family Controller #2', mac: '00-E0-4C-68-00-02' });
const ethernet11 = iface(101, 'Ethernet 11', { description: 'Simulated Server Adapter #2', mac: '02-00-00-00-00-01' });
const ethernet20 = iface(110, 'Ethernet 20');
const lab = iface(31, 'vEthernet (Lab)', { description: 'Hyper-V Virtual Ethernet Adapter' });
const interfaces = [ethernet, wifi, ethernet2, ethernet11, ethernet20, lab];

const byIndex = new Map(interfaces.map((i) => [i.index, interfaceSearchKey(i)]));
const interfacesMatching = (query: string) =>
  interfaces.filter((i) => matchesInterface(parseSearch(query), interfaceSearchKey(i))).map((i) => i.alias);

const entries = [
  entry('192.0.2.53', ethernet),
  entry('2001:db8:53::53', ethernet),
  entry('192.0.2.10', ethernet2),
  entry('203.0.113.2', ethernet11),
  entry('2001:db8::2', ethernet11),
  entry('198.51.100.7', wifi),
  entry('fe80::1', lab),
];
const entriesMatching = (query: string) => {
  const parsed = parseSearch(query);
  return entries.filter((e) => matchesEntry(parsed, entrySearchKey(e, byIndex.get(e.interfaceIndex)))).map((e) => e.address);
};

describe('a phrase matches an alias as a whole', () => {
  it('"Ethernet 2" finds Ethernet 2, not Ethernet 11 with a 2 in its address nor Ethernet 20', () => {
    expect(interfacesMatching('Ethernet 2')).toEqual(['Ethernet 2']);
    expect(entriesMatching('Ethernet 2')).toEqual(['192.0.2.10']);
  });

  it('case and runs of space do not count', () => {
    expect(interfacesMatching('  ethernet   2 ')).toEqual(['Ethernet 2']);
  });

  it('a word being typed finds the words it begins, a number only itself', () => {
    // vEthernet (Lab) is found by its description, "Hyper-V Virtual Ethernet Adapter".
    expect(interfacesMatching('Ether')).toEqual(['Ethernet', 'Ethernet 2', 'Ethernet 11', 'Ethernet 20', 'vEthernet (Lab)']);
    expect(interfacesMatching('Ethernet 1')).toEqual([]);
    expect(interfacesMatching('vEthernet (La')).toEqual(['vEthernet (Lab)']);
  });

  it('a phrase may stand anywhere in the alias, in whole words and in order', () => {
    expect(interfacesMatching('Lab')).toEqual(['vEthernet (Lab)']);
    expect(interfacesMatching('2 Ethernet')).toEqual([]);
  });

  it('on the large machine, "Ethernet 17" and "Ethernet 150" find exactly one adapter each', () => {
    const large = largeInterfaces(200);
    const keys = large.map(interfaceSearchKey);
    for (const alias of ['Ethernet 17', 'Ethernet 150', 'Ethernet 2']) {
      const found = large.filter((_, i) => matchesInterface(parseSearch(alias), keys[i]!)).map((i) => i.alias);
      expect(found, alias).toEqual(alias === 'Ethernet 2' ? [] : [alias]);
    }
  });
});

describe('descriptions, indexes, labels and MACs', () => {
  it('a description phrase finds its adapter, a number in it whole', () => {
    expect(interfacesMatching('Hyper-V Virtual')).toEqual(['vEthernet (Lab)']);
    expect(interfacesMatching('Controller #2')).toEqual(['Ethernet 2']);
    expect(interfacesMatching('Adapter #2')).toEqual(['Ethernet 11']);
  });

  it('an index finds that interface only, in any of the forms a person writes it', () => {
    for (const query of ['23', '#23', 'index 23', 'Index 23']) expect(interfacesMatching(query), query).toEqual(['Ethernet 2']);
    // A bare number is also a whole word of an alias or description ("Adapter #2").
    expect(interfacesMatching('2')).toEqual(['Ethernet 2', 'Ethernet 11']);
  });

  it('the label the app writes finds exactly that interface', () => {
    expect(interfacesMatching('Ethernet 2 (index 23)')).toEqual(['Ethernet 2']);
    expect(interfacesMatching('Ethernet (index 23)')).toEqual([]);
  });

  it('a MAC prefix matches whichever separator either side uses', () => {
    expect(interfacesMatching('00-15-5d')).toEqual(['Ethernet']);
    expect(interfacesMatching('00:15:5D:01')).toEqual(['Ethernet']);
    expect(interfacesMatching('00-')).toEqual(['Ethernet', 'Ethernet 2']);
    expect(interfacesMatching('a4c3f0112233')).toEqual(['Wi-Fi']);
    expect(interfacesMatching('00-e0-4c-68-00-03')).toEqual([]);
  });
});

describe('addresses', () => {
  it('an address prefix finds the addresses that begin with it, not those that contain it', () => {
    expect(entriesMatching('192.0.2.')).toEqual(['192.0.2.53', '192.0.2.10']);
    expect(entriesMatching('2001:db8:')).toEqual(['2001:db8:53::53', '2001:db8::2']);
    expect(entriesMatching('53')).toEqual([]);
  });

  it('a complete address finds itself however it is written', () => {
    expect(entriesMatching('2001:DB8:0:0:0:0:0:2')).toEqual(['2001:db8::2']);
    expect(entriesMatching('fe80::1%31')).toEqual(['fe80::1']);
    expect(entriesMatching('192.0.2.1')).toEqual(['192.0.2.10']);
  });

  it('a network finds the addresses inside it', () => {
    expect(entriesMatching('192.0.2.0/24')).toEqual(['192.0.2.53', '192.0.2.10']);
    expect(entriesMatching('2001:db8::/32')).toEqual(['2001:db8:53::53', '2001:db8::2']);
    expect(entriesMatching('10.0.0.0/8')).toEqual([]);
  });

  it('a family finds its entries; an interface phrase finds the entries on it', () => {
    expect(entriesMatching('IPv6')).toEqual(['2001:db8:53::53', '2001:db8::2', 'fe80::1']);
    expect(entriesMatching('Wi-Fi')).toEqual(['198.51.100.7']);
  });

  it('an entry whose interface is not listed is still found by its index', () => {
    const orphan = entrySearchKey({ address: '192.0.2.99', family: 'ipv4', interfaceIndex: 77 }, undefined);
    expect(matchesEntry(parseSearch('77'), orphan)).toBe(true);
    expect(matchesEntry(parseSearch('Ethernet'), orphan)).toBe(false);
  });
});

describe('properties', () => {
  const aliasArb = fc
    .array(fc.oneof(fc.constantFrom('Ethernet', 'Wi-Fi', 'vEthernet', 'Lab', 'Team'), fc.integer({ min: 0, max: 300 }).map(String)), { minLength: 1, maxLength: 4 })
    .map((parts) => parts.join(' '));

  it('every alias finds its own interface, typed in any case and spacing', () => {
    fc.assert(
      fc.property(aliasArb, fc.integer({ min: 0, max: 9999 }), fc.boolean(), (alias, index, upper) => {
        const typed = `  ${(upper ? alias.toUpperCase() : alias.toLowerCase()).replaceAll(' ', '   ')} `;
        expect(matchesInterface(parseSearch(typed), interfaceSearchKey(iface(index, alias)))).toBe(true);
      }),
      FC_OPTIONS,
    );
  });

  it('an alias ending in a number never finds an alias that only extends that number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 9 }), (n, digit) => {
        const other = iface(5000, `Ethernet ${n}${digit}`, { description: '' });
        expect(matchesInterface(parseSearch(`Ethernet ${n}`), interfaceSearchKey(other))).toBe(false);
      }),
      FC_OPTIONS,
    );
  });

  it('every beginning of an IPv4 address finds it; the empty query finds everything', () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.nat(), (address, cut) => {
        const key = entrySearchKey({ address, family: 'ipv4', interfaceIndex: 1 }, undefined);
        expect(matchesEntry(parseSearch(address.slice(0, 1 + (cut % address.length))), key)).toBe(true);
        expect(matchesEntry(parseSearch('   '), key)).toBe(true);
      }),
      FC_OPTIONS,
    );
  });
});

describe('countText', () => {
  const noun = { one: 'address', many: 'addresses' };

  it('says how many of how many when a search or filter narrows the table', () => {
    expect(countText(3, 10_000, true, noun)).toBe('3 of 10,000');
    expect(countText(10_000, 10_000, true, noun)).toBe('10,000 of 10,000');
    expect(countText(0, 3, true, noun)).toBe('0 of 3');
  });

  it('names the rows when nothing narrows it', () => {
    expect(countText(10_000, 10_000, false, noun)).toBe('10,000 addresses');
    expect(countText(1, 1, false, noun)).toBe('1 address');
    expect(countText(0, 0, false, { one: 'interface', many: 'interfaces' })).toBe('0 interfaces');
  });
});
