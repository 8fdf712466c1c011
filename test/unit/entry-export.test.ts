import fc from 'fast-check';
import { previewImport } from '../../app/bulk-import';
import { parseCsv } from '../../app/csv';
import { CSV_COLUMNS, ENTRIES_FORMAT, exportEntriesCsv, exportEntriesJson } from '../../app/entry-export';
import { entryKey, type AnycastEntry, type NetworkInterface } from '../../app/model';
import { BUERO, entry, ETHERNET, iface, INTERFACES, SWITCH } from './import-export-fixtures';

const exportedAt = new Date('2025-03-04T05:06:07.000Z');
const ENTRIES = [entry('192.0.2.10', ETHERNET), entry('2001:db8::53', SWITCH), entry('fe80::1', BUERO)];

describe('JSON export', () => {
  it('carries a format tag, a version, the time, the machine and each entry with its alias', () => {
    const doc = JSON.parse(exportEntriesJson(ENTRIES, INTERFACES, { exportedAt, machine: 'HELPDESK-01' }));
    expect(doc).toEqual({
      format: ENTRIES_FORMAT,
      version: 1,
      exportedAt: '2025-03-04T05:06:07.000Z',
      machine: 'HELPDESK-01',
      entries: [
        { address: '192.0.2.10', family: 'ipv4', interfaceLuid: ETHERNET.luid, interfaceIndex: 12, interfaceAlias: 'Ethernet', scopeId: 0 },
        { address: '2001:db8::53', family: 'ipv6', interfaceLuid: SWITCH.luid, interfaceIndex: 31, interfaceAlias: 'vEthernet (Default Switch)', scopeId: 0 },
        { address: 'fe80::1', family: 'ipv6', interfaceLuid: BUERO.luid, interfaceIndex: 14, interfaceAlias: 'Büro-LAN', scopeId: 14 },
      ],
    });
  });

  it('leaves the machine out when unknown and the alias empty when the interface is gone', () => {
    const doc = JSON.parse(exportEntriesJson([entry('192.0.2.1', iface('42', 42, 'Gone'))], INTERFACES, { exportedAt }));
    expect(doc.machine).toBeUndefined();
    expect(doc.entries[0].interfaceAlias).toBe('');
  });
});

describe('CSV export', () => {
  it('writes a BOM, a header and CRLF rows', () => {
    expect(exportEntriesCsv(ENTRIES.slice(0, 2), INTERFACES)).toBe(
      '\uFEFFaddress,family,interfaceLuid,interfaceIndex,interfaceAlias,scopeId\r\n' +
        `192.0.2.10,ipv4,${ETHERNET.luid},12,Ethernet,0\r\n` +
        `2001:db8::53,ipv6,${SWITCH.luid},31,vEthernet (Default Switch),0\r\n`,
    );
  });

  it('defuses aliases a spreadsheet would run as formulas, and quotes what needs quoting', () => {
    const nasty = [
      iface('1', 1, '=HYPERLINK("http://evil","x")'),
      iface('2', 2, '@SUM(1+1)'),
      iface('3', 3, '-2+3'),
      iface('4', 4, 'a,b'),
      iface('5', 5, ' =1+1'),
      iface('6', 6, '\uFF1DHYPERLINK("http://evil")'),
      iface('7', 7, '\0=1'),
    ];
    const csv = exportEntriesCsv(nasty.map((i) => entry('192.0.2.1', i)), nasty);
    const aliases = parseCsv(csv.slice(1)).slice(1).map((r) => r.fields[4]);
    expect(aliases).toEqual([
      "'=HYPERLINK(\"http://evil\",\"x\")",
      "'@SUM(1+1)",
      "'-2+3",
      'a,b',
      "' =1+1",
      "'\uFF1DHYPERLINK(\"http://evil\")",
      "'\0=1",
    ]);
    expect(csv).toContain('"\'=HYPERLINK(""http://evil"",""x"")"');
    for (const line of csv.split('\r\n').slice(1)) {
      for (const cell of parseCsv(line)[0]?.fields ?? []) expect(cell).not.toMatch(/^(?:[\t\r\0]|[\s\0]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/);
    }
  });
});

/** Interfaces with distinct LUIDs and indexes, and aliases made of the characters that break formats. */
const nastyAlias = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }),
  fc.string({ unit: fc.constantFrom(...'=+-@\'"`,;\t\r\n #%$&|<>^\\ \u2019\u00fcE'.split('')), minLength: 1, maxLength: 12 }),
);
const machineInterfaces = fc
  .uniqueArray(fc.record({ luid: fc.bigInt({ min: 1n, max: 2n ** 64n - 1n }), index: fc.integer({ min: 1, max: 2 ** 32 - 1 }), alias: nastyAlias }), {
    minLength: 1,
    maxLength: 5,
    selector: (r) => r.luid,
  })
  .filter((list) => new Set(list.map((r) => r.index)).size === list.length)
  .map((list) => list.map((r) => iface(r.luid.toString(), r.index, r.alias)));
const address = fc.oneof(
  fc.ipV4().filter((a) => /^(?:[1-9]|[1-9]\d|1\d\d|2[01]\d|22[0-3])\./.test(a) && a !== '255.255.255.255'),
  fc.ipV6().filter((a) => !/^(?:ff|::$|::ffff:|0:0:0:0:0:ffff:)/i.test(a)),
);
const machine = machineInterfaces.chain((interfaces) =>
  fc.tuple(fc.constant(interfaces), fc.array(fc.tuple(address, fc.nat({ max: interfaces.length - 1 })), { minLength: 1, maxLength: 8 })),
);

function distinctEntries(interfaces: NetworkInterface[], picks: [string, number][]): AnycastEntry[] {
  const entries = picks.flatMap(([a, i]) => {
    const preview = previewImport(`${a} ${interfaces[i]!.luid}`, { interfaces, entries: [] });
    const row = preview.rows[0];
    return row?.status === 'ready' ? [entry(row.address, interfaces[i]!)] : [];
  });
  return [...new Map(entries.map((e) => [entryKey(e), e])).values()];
}

describe('export then import is lossless', () => {
  it.each(['csv', 'json'] as const)('%s: the same (address, LUID) set comes back, every alias intact', (format) => {
    fc.assert(
      fc.property(machine, ([interfaces, picks]) => {
        const entries = distinctEntries(interfaces, picks);
        const text = format === 'csv' ? exportEntriesCsv(entries, interfaces) : exportEntriesJson(entries, interfaces, { exportedAt });

        const fresh = previewImport(text, { interfaces, entries: [] });
        expect(fresh.source).toBe(format);
        expect(fresh.problem).toBeUndefined();
        expect(fresh.rows.map((r) => r.status)).toEqual(entries.map(() => 'ready'));
        const back = fresh.rows.map((r) => (r.status === 'ready' ? entryKey({ address: r.address, interfaceLuid: r.interface.luid }) : ''));
        expect(back).toEqual(entries.map(entryKey));
        // An alias that came back altered would show up as a mismatch warning against the LUID's interface.
        expect(fresh.rows.flatMap((r) => r.warnings).filter((w) => /names the interface/.test(w))).toEqual([]);

        const again = previewImport(text, { interfaces, entries });
        expect(again.rows.map((r) => r.status)).toEqual(entries.map(() => 'already-present'));
      }),
      { numRuns: 300 },
    );
  });

  it('the CSV columns are the ones bulk import reads', () => {
    expect(CSV_COLUMNS).toEqual(['address', 'family', 'interfaceLuid', 'interfaceIndex', 'interfaceAlias', 'scopeId']);
    const preview = previewImport(exportEntriesCsv(ENTRIES, INTERFACES), { interfaces: INTERFACES, entries: [] });
    expect(preview.notes).toEqual([]);
    expect(preview.counts.ready).toBe(3);
  });
});
