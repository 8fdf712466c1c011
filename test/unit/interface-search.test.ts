/** The picker's rule: typed text filters generously, and chooses only an interface it names in full. */
import fc from 'fast-check';
import { interfaceNamedBy, searchInterfaces } from '../../app/interface-search';
import type { NetworkInterface } from '../../app/model';
import { largeInterfaces, seedInterfaces, type SeedInterface } from '../../main/backends/simulated/seed';

const asInterface = (seed: SeedInterface): NetworkInterface => ({ ...seed, luid: String(seed.luid) });
const OFFICE = seedInterfaces().map(asInterface);
const LARGE = largeInterfaces(200).map(asInterface);
const aliases = (list: NetworkInterface[]) => list.map((i) => i.alias);
const ETHERNET = OFFICE.find((i) => i.alias === 'Ethernet');

describe('interfaceNamedBy', () => {
  it('chooses the interface whose alias is typed in full, ignoring case and spacing', () => {
    expect(interfaceNamedBy(LARGE, 'Ethernet 17')?.alias).toBe('Ethernet 17');
    expect(interfaceNamedBy(LARGE, '  ethernet   17 ')?.alias).toBe('Ethernet 17');
    expect(interfaceNamedBy(OFFICE, 'Ethernet')?.alias).toBe('Ethernet');
    expect(interfaceNamedBy(OFFICE, 'Ethernet 2')?.alias).toBe('Ethernet 2');
  });

  it('chooses by the label the picker shows', () => {
    expect(interfaceNamedBy(LARGE, 'Ethernet 17 (index 107)')?.alias).toBe('Ethernet 17');
  });

  it('chooses nothing from a part of a name, an index alone or a name that is not there', () => {
    expect(interfaceNamedBy(LARGE, 'Ethernet 1')).toBeNull();
    expect(interfaceNamedBy(LARGE, 'Ethernet 2')).toBeNull();
    expect(interfaceNamedBy(LARGE, 'Ethernet')).toBeNull();
    expect(interfaceNamedBy(LARGE, '107')).toBeNull();
    expect(interfaceNamedBy(OFFICE, 'Ether')).toBeNull();
    expect(interfaceNamedBy(OFFICE, '')).toBeNull();
    expect(interfaceNamedBy(OFFICE, 'Ethernet (index 23)')).toBeNull();
  });

  it('chooses nothing when two interfaces share the alias', () => {
    if (!ETHERNET) throw new Error('the office seed has Ethernet');
    const twin: NetworkInterface = { ...ETHERNET, luid: '1', index: 99 };
    expect(interfaceNamedBy([...OFFICE, twin], 'Ethernet')).toBeNull();
    expect(interfaceNamedBy([...OFFICE, twin], 'Ethernet (index 99)')?.index).toBe(99);
  });

  it('never names an interface whose alias or label differs from the text (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LARGE, ...OFFICE), fc.string({ maxLength: 4 }), (iface, suffix) => {
        const text = iface.alias + suffix;
        const named = interfaceNamedBy([...LARGE, ...OFFICE], text);
        const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
        if (named) expect([norm(named.alias), norm(`${named.alias} (index ${named.index})`)]).toContain(norm(text));
      }),
    );
  });
});

describe('searchInterfaces', () => {
  it('puts the exact alias first, then other aliases that start with the text', () => {
    const hits = aliases(searchInterfaces(LARGE, 'Ethernet 17'));
    expect(hits[0]).toBe('Ethernet 17');
    expect(hits.slice(1)).toEqual(['Ethernet 170', 'Ethernet 171', 'Ethernet 172', 'Ethernet 173', 'Ethernet 174',
      'Ethernet 175', 'Ethernet 176', 'Ethernet 177', 'Ethernet 178', 'Ethernet 179']);
  });

  it('matches the text as one phrase, not each word anywhere', () => {
    expect(aliases(searchInterfaces(OFFICE, 'Ethernet 2'))).toEqual(['Ethernet 2']);
    expect(searchInterfaces(LARGE, 'Ethernet 150').map((i) => i.alias)).toEqual(['Ethernet 150']);
  });

  it('ranks the exact alias above a longer alias that starts with it, whatever the order', () => {
    expect(aliases(searchInterfaces(OFFICE, 'ethernet'))).toEqual(['Ethernet', 'Ethernet 2', 'vEthernet (Lab)']);
    expect(aliases(searchInterfaces([...OFFICE].reverse(), 'ethernet'))).toEqual(['Ethernet', 'Ethernet 2', 'vEthernet (Lab)']);
    expect(aliases(searchInterfaces([...LARGE].reverse(), 'Ethernet 17'))[0]).toBe('Ethernet 17');
  });

  it('finds an interface by its index, the index typed in full first', () => {
    const hits = searchInterfaces(LARGE, '117');
    expect(hits[0]?.index).toBe(117);
    expect(aliases(searchInterfaces(OFFICE, '12'))).toEqual(['Ethernet']);
  });

  it('finds an interface by its description', () => {
    expect(aliases(searchInterfaces(OFFICE, 'realtek usb'))).toEqual(['Ethernet 2']);
    expect(aliases(searchInterfaces(LARGE, 'adapter #42'))).toEqual(['Ethernet 51']);
  });

  it('finds an interface by its MAC, whatever the separators', () => {
    expect(aliases(searchInterfaces(OFFICE, '8C-C6-81'))).toEqual(['Wi-Fi']);
    expect(aliases(searchInterfaces(OFFICE, '8c:c6:81:2f'))).toEqual(['Wi-Fi']);
    expect(aliases(searchInterfaces(OFFICE, '8cc6812f90d4'))).toEqual(['Wi-Fi']);
  });

  it('keeps every interface, in order, for empty text, and none for text that matches nothing', () => {
    expect(searchInterfaces(LARGE, '  ')).toEqual(LARGE);
    expect(searchInterfaces(LARGE, 'Wireless')).toEqual([]);
  });

  it('returns only interfaces that match, each once (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }), (text) => {
        const hits = searchInterfaces(LARGE, text);
        expect(new Set(hits).size).toBe(hits.length);
        for (const hit of hits) expect(LARGE).toContain(hit);
      }),
    );
  });
});
