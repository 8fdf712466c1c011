import fc from 'fast-check';
import { importFileProblem, importTextProblem, previewImport, type ImportOptions } from '../../app/bulk-import';
import { detectImportFormat } from '../../app/import/detect-format';
import { MAX_IMPORT_BYTES, MAX_IMPORT_CHARS, MAX_IMPORT_ROWS, MAX_JSON_DEPTH, MAX_ROW_LENGTH } from '../../app/import/limits';
import { rowsToApply, type PlanRow } from '../../app/apply-plan';
import { summariseApply, type CreateOutcome } from '../../app/apply-summary';
import type { AnycastEntry, NetworkInterface } from '../../app/model';
import { BUERO, entry, ETHERNET, iface, INTERFACES, SWITCH, WIFI } from './import-export-fixtures';

const options = (interfaces: NetworkInterface[] = INTERFACES, entries: AnycastEntry[] = []): ImportOptions => ({ interfaces, entries });
const preview = (text: string, opts: Partial<ImportOptions> = {}) => previewImport(text, { ...options(), ...opts });
const only = (text: string, opts: Partial<ImportOptions> = {}): PlanRow => {
  const result = preview(text, opts);
  expect(result.problem).toBeUndefined();
  expect(result.rows).toHaveLength(1);
  return result.rows[0]!;
};
const target = (row: PlanRow) => (row.status === 'invalid' ? row.reason : `${row.address} -> ${row.interface?.luid}`);

describe('format detection', () => {
  it.each([
    ['[{"address":"192.0.2.1","interface":"Ethernet"}]', 'json'],
    ['  \n{"format":"anycast-manager/entries"}', 'json'],
    ['\uFEFF[]', 'json'],
    ['address,interface\n192.0.2.1,Ethernet', 'csv'],
    ['# exported\r\nInterface Alias;IP Address\r\n', 'csv'],
    ['IPAddress\tifIndex\n', 'csv'],
    ['192.0.2.1 Ethernet', 'paste'],
    ['192.0.2.1,Ethernet\n192.0.2.2,Wi-Fi 2', 'paste'],
    ['', 'paste'],
  ] as const)('%j is %s', (text, format) => {
    expect(detectImportFormat(text)).toBe(format);
    expect(preview(text).source).toBe(format);
  });

  it('lets the caller override the guess', () => {
    expect(preview('address,interface', { format: 'paste' }).rows[0]?.status).toBe('invalid');
    expect(preview('[x', { format: 'paste' }).source).toBe('paste');
  });
});

describe('pasted lists', () => {
  it('reads address then interface, split by a tab, a comma or blanks, keeping blanks inside the alias', () => {
    const result = preview(
      [
        '192.0.2.1\tEthernet',
        '192.0.2.2, Wi-Fi 2',
        '192.0.2.3   vEthernet (Default Switch)',
        '2001:db8::1,Büro-LAN',
        '  192.0.2.4 "Wi-Fi 2"  ',
      ].join('\n'),
    );
    expect(result.rows.map(target)).toEqual([
      `192.0.2.1 -> ${ETHERNET.luid}`,
      `192.0.2.2 -> ${WIFI.luid}`,
      `192.0.2.3 -> ${SWITCH.luid}`,
      `2001:db8::1 -> ${BUERO.luid}`,
      `192.0.2.4 -> ${WIFI.luid}`,
    ]);
    expect(result.rows.every((r) => r.status === 'ready')).toBe(true);
  });

  it('ignores blank lines and # comments, and numbers rows by their line', () => {
    const result = preview('# anycast for DNS\r\n\r\n192.0.2.1 Ethernet\r\n   \r\n  # done\r\n192.0.2.2 Ethernet\r\n');
    expect(result.rows.map((r) => [r.row, r.location, r.raw])).toEqual([
      [1, 'Line 3', '192.0.2.1 Ethernet'],
      [2, 'Line 6', '192.0.2.2 Ethernet'],
    ]);
  });

  it('accepts a LUID or an index instead of an alias', () => {
    expect(target(only(`192.0.2.1 ${SWITCH.luid}`))).toBe(`192.0.2.1 -> ${SWITCH.luid}`);
    const byIndex = only('192.0.2.1 31');
    expect(target(byIndex)).toBe(`192.0.2.1 -> ${SWITCH.luid}`);
    expect(byIndex.warnings.join()).toMatch(/read as interface index 31/);
  });

  it('canonicalises the address', () => {
    const row = only('2001:DB8:0:0::0:10 Ethernet');
    expect(row).toMatchObject({ status: 'ready', address: '2001:db8::10', family: 'ipv6' });
  });

  it('a quoted interface name keeps its quotes escaped as in CSV', () => {
    const odd = iface('99', 99, 'Say "hi"');
    expect(target(only('192.0.2.1 "Say ""hi"""', { interfaces: [odd] }))).toBe('192.0.2.1 -> 99');
    expect(only('192.0.2.1 "Say "hi"', { interfaces: [odd] })).toMatchObject({ status: 'invalid', reason: expect.stringMatching(/double quote/) });
  });

  it('says so when the interface is missing or the order is swapped', () => {
    expect(only('192.0.2.1')).toMatchObject({ status: 'invalid', reason: expect.stringMatching(/names no interface/) });
    expect(only('Ethernet 192.0.2.1')).toMatchObject({ status: 'invalid', reason: 'Put the address first, then the interface: "192.0.2.1 Ethernet".' });
    expect(only('Wi-Fi 2 192.0.2.1')).toMatchObject({ reason: 'Put the address first, then the interface: "192.0.2.1 Wi-Fi 2".' });
  });
});

describe('CSV files', () => {
  it('reads the header in any order and case, with spaces, underscores or hyphens', () => {
    const text = 'Interface_Alias;IP Address;Comment\r\n"Wi-Fi 2";192.0.2.9;for DNS\r\n';
    const result = preview(text);
    expect(result.source).toBe('csv');
    expect(result.rows.map(target)).toEqual([`192.0.2.9 -> ${WIFI.luid}`]);
    expect(result.notes).toEqual(['The column "Comment" is not one Anycast Manager reads; it was ignored.']);
  });

  it('ignores header names that only look like object properties', () => {
    const result = preview('address,interface,constructor,__proto__\n192.0.2.1,Ethernet,x,y\n');
    expect(result.rows.map(target)).toEqual([`192.0.2.1 -> ${ETHERNET.luid}`]);
    expect(result.notes).toHaveLength(2);
  });

  it.each([
    ['address,interface', 'Ethernet'],
    ['ADDRESS,INTERFACEALIAS', 'Ethernet'],
    ['ip,ifAlias', 'Ethernet'],
    ['address,interfaceLuid', ETHERNET.luid],
    ['address,luid', ETHERNET.luid],
    ['address,interface-index', '12'],
    ['address,ifIndex', '12'],
  ])('header %j', (header, value) => {
    expect(preview(`${header}\n192.0.2.1,${value}\n`).rows.map(target)).toEqual([`192.0.2.1 -> ${ETHERNET.luid}`]);
  });

  it('handles a BOM, CRLF, quoted fields with commas and quotes, and blank lines', () => {
    const odd = iface('77', 77, 'Lab, "north"');
    const text = '\uFEFFaddress,interface\r\n\r\n192.0.2.1,"Lab, ""north"""\r\n';
    const result = preview(text, { interfaces: [odd] });
    expect(result.rows.map((r) => [r.location, target(r)])).toEqual([['Line 3', '192.0.2.1 -> 77']]);
  });

  it('numbers a row after a multi-line quoted field by its own first line', () => {
    const result = preview('address,interface,comment\n192.0.2.1,Ethernet,"two\nlines"\n192.0.2.2,Ethernet,x\n');
    expect(result.rows.map((r) => r.location)).toEqual(['Line 2', 'Line 4']);
  });

  it('lets a LUID column win over an alias column, and warns when they disagree', () => {
    const row = only(`address,interfaceAlias,interfaceLuid\n192.0.2.1,Ethernet,${SWITCH.luid}\n`);
    expect(target(row)).toBe(`192.0.2.1 -> ${SWITCH.luid}`);
    expect(row.warnings.join()).toMatch(/names the interface "Ethernet", but LUID .* is "vEthernet \(Default Switch\)" here; the LUID was used/);
  });

  it('refuses a LUID that is not here or not a LUID, even when the alias would match', () => {
    expect(only('address,interfaceAlias,interfaceLuid\n192.0.2.1,Ethernet,123\n')).toMatchObject({
      status: 'invalid',
      reason: expect.stringMatching(/No interface here has LUID 123/),
    });
    expect(only('address,interfaceLuid\n192.0.2.1,18446744073709551616\n').status).toBe('invalid');
    expect(only('address,interfaceLuid\n192.0.2.1,-1\n')).toMatchObject({ reason: expect.stringMatching(/is not a LUID/) });
  });

  it('undoes the formula defusing the export applies', () => {
    const odd = iface('55', 55, '=cmd');
    expect(target(only("address,interfaceAlias\n192.0.2.1,'=cmd\n", { interfaces: [odd] }))).toBe('192.0.2.1 -> 55');
  });

  it.each([
    ['interface\nEthernet\n', /no address column/],
    ['address,family\n192.0.2.1,ipv4\n', /no interface column/],
    ['address,ip,interface\n', /"address" and "ip" mean the same thing/],
    ['"address,interface\n', /header row \(line 1\) cannot be read/],
  ])('refuses the file %j with a reason', (text, problem) => {
    const result = preview(text, { format: 'csv' });
    expect(result.problem).toMatch(problem);
    expect(result.rows).toEqual([]);
  });

  it('marks malformed rows and reads on', () => {
    const result = preview('address,interface\n192.0.2.1,Eth"ernet\n192.0.2.2,Ethernet,extra\n192.0.2.3,Ethernet,\n');
    expect(result.rows.map((r) => r.status)).toEqual(['invalid', 'invalid', 'ready']);
    expect(result.rows[1]).toMatchObject({ reason: expect.stringMatching(/3 fields but the header names 2/) });
  });
});

describe('JSON files', () => {
  it('reads a plain array with interface, interfaceAlias, interfaceLuid or interfaceIndex', () => {
    const text = JSON.stringify([
      { address: '192.0.2.1', interface: 'Ethernet' },
      { address: '192.0.2.2', interfaceAlias: 'wi-fi 2' },
      { address: '192.0.2.3', interfaceLuid: SWITCH.luid },
      { address: '192.0.2.4', interfaceIndex: 12 },
      { address: '192.0.2.5', interface: 31 },
    ]);
    expect(preview(text).rows.map((r) => [r.location, target(r)])).toEqual([
      ['Entry 1', `192.0.2.1 -> ${ETHERNET.luid}`],
      ['Entry 2', `192.0.2.2 -> ${WIFI.luid}`],
      ['Entry 3', `192.0.2.3 -> ${SWITCH.luid}`],
      ['Entry 4', `192.0.2.4 -> ${ETHERNET.luid}`],
      ['Entry 5', `192.0.2.5 -> ${SWITCH.luid}`],
    ]);
  });

  it('reads the app export format and refuses newer versions and other formats', () => {
    const doc = { format: 'anycast-manager/entries', version: 1, exportedAt: '2025-01-01T00:00:00.000Z', entries: [{ address: '192.0.2.1', interfaceLuid: ETHERNET.luid }] };
    expect(preview(JSON.stringify(doc)).rows.map(target)).toEqual([`192.0.2.1 -> ${ETHERNET.luid}`]);
    expect(preview(JSON.stringify({ ...doc, version: 2 })).problem).toMatch(/newer Anycast Manager \(format version 2\)/);
    expect(preview(JSON.stringify({ ...doc, version: 'one' })).problem).toMatch(/no valid version/);
    expect(preview(JSON.stringify({ ...doc, format: 'other/tool' })).problem).toMatch(/"other\/tool" file/);
    expect(preview(JSON.stringify({ entries: doc.entries })).rows).toHaveLength(1);
  });

  it('explains bad JSON, bad shapes and bad field types', () => {
    expect(preview('[{"address": }]').problem).toMatch(/not valid JSON/);
    expect(preview('{"hello": 1}').problem).toMatch(/no "entries" list/);
    expect(preview('"text"', { format: 'json' }).problem).toMatch(/not a list of entries/);
    const rows = preview(JSON.stringify([7, { address: 1, interface: 'Ethernet' }, { address: '192.0.2.1', interfaceLuid: 2 ** 60 }, null])).rows;
    expect(rows.map((r) => (r.status === 'invalid' ? r.reason : r.status))).toEqual([
      expect.stringMatching(/not an object/),
      '"address" must be text.',
      expect.stringMatching(/Write the interfaceLuid as text/),
      expect.stringMatching(/not an object/),
    ]);
  });
});

describe('interface matching never guesses', () => {
  const twins = [iface('100', 3, 'Ethernet'), iface('200', 4, 'ETHERNET'), WIFI];

  it('refuses an alias two interfaces share when case is ignored, naming both LUIDs', () => {
    for (const text of ['192.0.2.1 Ethernet', '192.0.2.1 ethernet', 'address,interfaceAlias\n192.0.2.1,ETHERNET']) {
      const row = only(text, { interfaces: twins });
      expect(row.status).toBe('invalid');
      expect(row.status === 'invalid' && row.reason).toMatch(/matches 2 interfaces: Ethernet \(index 3\), LUID 100; ETHERNET \(index 4\), LUID 200\..*give the interface LUID/);
    }
  });

  it('still refuses when an index is given with the ambiguous alias', () => {
    expect(only('address,interfaceAlias,interfaceIndex\n192.0.2.1,Ethernet,3', { interfaces: twins }).status).toBe('invalid');
  });

  it('accepts the same row once it names a LUID', () => {
    expect(target(only('address,interfaceAlias,interfaceLuid\n192.0.2.1,Ethernet,200', { interfaces: twins }))).toBe('192.0.2.1 -> 200');
    expect(target(only('192.0.2.1 200', { interfaces: twins }))).toBe('192.0.2.1 -> 200');
  });

  it('refuses an untyped value that is one interface\'s alias and another\'s index', () => {
    const clash = [iface('100', 3, '7'), iface('200', 7, 'Lab')];
    expect(only('192.0.2.1 7', { interfaces: clash })).toMatchObject({ status: 'invalid', reason: expect.stringMatching(/matches 2 interfaces/) });
  });

  it('matches aliases exactly apart from case: no prefixes, no trimming inside quotes', () => {
    expect(only('192.0.2.1 Ether').status).toBe('invalid');
    expect(only('192.0.2.1 " Ethernet"').status).toBe('invalid');
    expect(only('192.0.2.1 eThErNeT').status).toBe('ready');
  });

  it('accepts an index alone, with a warning', () => {
    const row = only('address,interfaceIndex\n192.0.2.1,12');
    expect(target(row)).toBe(`192.0.2.1 -> ${ETHERNET.luid}`);
    expect(row.warnings.join()).toMatch(/Identified by index 12 alone/);
    expect(only('address,interfaceIndex\n192.0.2.1,99999999999').status).toBe('invalid');
    expect(only('address,interfaceIndex\n192.0.2.1,5')).toMatchObject({ reason: expect.stringMatching(/No interface matches index 5.*"Ethernet", "Wi-Fi 2"/) });
  });
});

describe('preview statuses', () => {
  it('marks each row ready, already present or invalid, with a specific reason', () => {
    const current = [entry('192.0.2.50', ETHERNET)];
    const result = preview(
      [
        '192.0.2.10 Ethernet',
        '192.0.2.50 ethernet',
        '2001:db8::5 Wi-Fi 2',
        '224.0.0.1 Ethernet',
        '10.0.0.0/24 Ethernet',
        '192.0.2.10 Ethernet',
        `192.0.2.010 ${ETHERNET.luid}`,
        '192.0.2.11 Nowhere',
        '127.0.0.1 Ethernet',
      ].join('\n'),
      { entries: current },
    );
    expect(result.rows.map((r) => [r.status, r.status === 'ready' ? '' : r.reason])).toEqual([
      ['ready', ''],
      ['already-present', '192.0.2.50 is already on Ethernet (index 12); nothing to do.'],
      ['invalid', 'Wi-Fi 2 (index 7) has no IPv6 stack, so it cannot take the IPv6 address 2001:db8::5.'],
      ['invalid', expect.stringMatching(/multicast/)],
      ['invalid', expect.stringMatching(/Remove "\/24"/)],
      ['repeated', 'Line 1 already adds 192.0.2.10 to Ethernet (index 12); it is added once.'],
      ['invalid', expect.stringMatching(/Leading zeros/)],
      ['invalid', expect.stringMatching(/No interface matches "Nowhere"/)],
      ['ready', ''],
    ]);
    expect(result.rows[8]?.warnings.join()).toMatch(/loopback/);
    expect(result.counts).toEqual({ ready: 2, 'already-present': 1, repeated: 1, invalid: 5 });
  });

  it('treats differently written forms of one address as the same entry', () => {
    const result = preview('2001:db8::1 Ethernet\n2001:DB8:0::1 Ethernet', { entries: [entry('2001:0db8::0001', ETHERNET)] });
    expect(result.rows.map((r) => r.status)).toEqual(['already-present', 'repeated']);
  });

  it('marks a line repeated within one paste as repeated, not invalid, and only the second one', () => {
    const result = preview('192.0.2.10 Ethernet\n192.0.2.11 Ethernet\n192.0.2.10 ethernet', {});
    expect(result.rows.map((r) => r.status)).toEqual(['ready', 'ready', 'repeated']);
    expect(result.rows[2]).toMatchObject({ address: '192.0.2.10', reason: 'Line 1 already adds 192.0.2.10 to Ethernet (index 12); it is added once.' });
  });

  it('keeps a good address on a row refused for its interface, and none when the address is bad', () => {
    expect(only('192.0.2.10 Nowhere')).toMatchObject({ status: 'invalid', address: '192.0.2.10', family: 'ipv4' });
    expect(only('999.1.1.1 Ethernet').address).toBeUndefined();
  });

  it('notes a zone suffix that is dropped', () => {
    expect(only('fe80::1%12 Ethernet').warnings.join()).toMatch(/zone "%12" is not used/);
  });

  it('reports both an address and an interface problem on one row', () => {
    expect(only('999.1.1.1 Nowhere')).toMatchObject({ reason: expect.stringMatching(/999 is too large.*No interface matches "Nowhere"/) });
  });
});

describe('limits', () => {
  it(`refuses more than ${MAX_IMPORT_ROWS} rows in every format`, () => {
    const count = MAX_IMPORT_ROWS + 1;
    const paste = Array.from({ length: count }, () => '192.0.2.1 Ethernet').join('\n');
    const overCap = /more than 10,000 rows; one import takes at most 10,000/;
    expect(preview(paste).problem).toMatch(overCap);
    expect(preview(`address,interface\n${paste.replaceAll(' ', ',')}`).problem).toMatch(overCap);
    expect(preview(JSON.stringify(Array.from({ length: count }, () => ({})))).problem).toMatch(overCap);
    expect(preview(JSON.stringify({ format: 'anycast-manager/entries', version: 1, entries: Array.from({ length: count }, () => ({})) })).problem).toMatch(overCap);
    expect(preview(Array.from({ length: MAX_IMPORT_ROWS }, () => '192.0.2.1 Ethernet').join('\n')).problem).toBeUndefined();
    expect(preview(JSON.stringify(Array.from({ length: MAX_IMPORT_ROWS }, () => ({})))).problem).toBeUndefined();
  });

  it('counts rows, not blank lines, comments or lines inside a quoted CSV field, against the cap', () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS }, () => '192.0.2.1,"Ethernet"').join('\n\n# note\n');
    expect(preview(`address,interface\n${rows}`, { format: 'csv' }).problem).toBeUndefined();
    const multiline = Array.from({ length: MAX_IMPORT_ROWS }, () => '192.0.2.1,"Ether\nnet"').join('\n');
    expect(preview(`address,interface\n${multiline}`).problem).toBeUndefined();
  });

  it('refuses an over-long row without echoing all of it', () => {
    const row = only(`192.0.2.1 ${'x'.repeat(MAX_ROW_LENGTH)}`);
    expect(row).toMatchObject({ status: 'invalid', reason: expect.stringMatching(/2,010 characters long; a row can be at most 2,000/) });
    expect(row.raw.length).toBeLessThan(300);
  });

  it('refuses input above the size limit, stating the limit and the row cap', () => {
    expect(preview(' '.repeat(MAX_IMPORT_CHARS + 1)).problem).toMatch(/at most 5,000,000 \(and 10,000 rows\)/);
  });

  it.each([
    ['a million short lines', '1\n'.repeat(1_000_000)],
    ['a CSV of a million rows', `address,interface\n${'1,2\n'.repeat(1_000_000)}`],
    ['a JSON array of a million numbers', `[${'1,'.repeat(1_000_000)}1]`],
    ['a JSON object holding a million objects', `{"entries": [{"x": [${'{},'.repeat(1_000_000)}{}]}]}`],
  ])('refuses %s as too big, stopping at the cap', (_name, text) => {
    expect(preview(text).problem).toMatch(/more than/);
    expect(importTextProblem(text)).toMatch(/more than/);
  });

  it.each([10_000, 20_000])('refuses JSON nested %i deep with a reason, and never throws', (depth) => {
    for (const [open, close] of [['[', ']'], ['{"a":', '}']]) {
      const text = `${open!.repeat(depth)}1${close!.repeat(depth)}`;
      const result = preview(text);
      expect(result.problem).toBe(
        `The JSON is nested more than ${MAX_JSON_DEPTH} levels deep; an entry list needs 3. Check that the file is a list of entries such as [{"address": "192.0.2.10", "interface": "Ethernet"}].`,
      );
      expect(importTextProblem(text)).toBe(result.problem);
    }
  });

  it('reads an entry nested as deep as the limit allows', () => {
    const deep = `${'{"x":'.repeat(MAX_JSON_DEPTH - 2)}1${'}'.repeat(MAX_JSON_DEPTH - 2)}`;
    const result = preview(`[{"address":"192.0.2.1","interface":"Ethernet","extra":${deep}}]`);
    expect(result.problem).toBeUndefined();
    expect(result.rows[0]?.status).toBe('ready');
  });

  it('never throws on a "format" that cannot become text', () => {
    expect(preview('{"format": {"toString": 1, "valueOf": 2}, "entries": []}').problem).toBe(
      'The JSON is a file whose "format" is not text, not an Anycast Manager entry list.',
    );
  });

  it('reports only limits before the text is shown, not the problems the preview lists', () => {
    expect(importTextProblem('address,interface\n192.0.2.1,Ethernet')).toBeUndefined();
    expect(importTextProblem('not,a,header\n1,2,3')).toBeUndefined();
    expect(importTextProblem('{not json')).toBeUndefined();
  });

  it('refuses a file over the size limit from its size alone, stating both limits', () => {
    expect(importFileProblem('big.csv', MAX_IMPORT_BYTES)).toBeUndefined();
    expect(importFileProblem('big.csv', 20 * 1024 * 1024)).toBe(
      'big.csv is 21 MB; an import file can be at most 5 MB and 10,000 rows. Split it into smaller files.',
    );
  });

  it('never throws and always accounts for its rows, whatever the text', () => {
    const alphabet = fc.constantFrom(...'0123456789abcdef.:,;"\'# \t\r\n[]{}=\\%\uFEFFEthernt-'.split(''));
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: alphabet, maxLength: 200 }),
      fc.json(),
      fc.jsonValue().map((value) => JSON.stringify({ format: value, version: value, entries: [value] })),
    );
    fc.assert(
      fc.property(text, fc.constantFrom(undefined, 'paste' as const, 'csv' as const, 'json' as const), (input, format) => {
        const result = previewImport(input, { interfaces: INTERFACES, entries: [], ...(format ? { format } : {}) });
        const total = result.counts.ready + result.counts['already-present'] + result.counts.invalid;
        expect(total).toBe(result.rows.length);
        for (const row of result.rows) {
          if (row.status === 'invalid') expect(row.reason.length).toBeGreaterThan(0);
          else expect(row.interface.luid).toMatch(/^\d+$/);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('apply results', () => {
  const current = [entry('192.0.2.50', ETHERNET)];
  const text = ['192.0.2.10 Ethernet', '192.0.2.11 Ethernet', '192.0.2.12 Ethernet', '192.0.2.50 Ethernet', 'bogus Ethernet', '192.0.2.13 Ethernet'].join('\n');
  const failure = (code: number, symbol: string, title: string, what: string): CreateOutcome => ({ ok: false, error: { code, symbol, title, what } });

  it('lists the requests to send for ready rows only', () => {
    const requests = rowsToApply(preview(text, { entries: current }));
    expect(requests).toEqual([10, 11, 12, 13].map((n, i) => ({
      row: i < 3 ? i + 1 : 6,
      request: { address: `192.0.2.${n}`, interfaceLuid: ETHERNET.luid, interfaceIndex: 12 },
    })));
  });

  it('reports every row: added, already present (5010), failed with the reason, skipped', () => {
    const outcomes = new Map<number, CreateOutcome>([
      [1, { ok: true }],
      [2, failure(5010, 'ERROR_OBJECT_ALREADY_EXISTS', 'Address already present', 'This anycast address is already on the chosen interface.')],
      [3, failure(5, 'ERROR_ACCESS_DENIED', 'Administrator rights needed', 'Windows refused to change the anycast addresses on this computer.')],
    ]);
    const summary = summariseApply(preview(text, { entries: current }), outcomes);
    expect(summary.rows.map((r) => [r.location, r.status, r.reason])).toEqual([
      ['Line 1', 'added', undefined],
      ['Line 2', 'already-present', 'Windows already had this entry; nothing changed.'],
      ['Line 3', 'failed', 'Administrator rights needed (5 ERROR_ACCESS_DENIED): Windows refused to change the anycast addresses on this computer.'],
      ['Line 4', 'already-present', '192.0.2.50 is already on Ethernet (index 12); nothing to do.'],
      ['Line 5', 'skipped', expect.stringMatching(/^Not sent: "bogus" is not an IPv4 or IPv6 address/)],
      ['Line 6', 'skipped', 'Not sent: the import stopped before this row.'],
    ]);
    expect(summary.rows[0]).toMatchObject({ address: '192.0.2.10', interfaceLabel: 'Ethernet (index 12)', raw: '192.0.2.10 Ethernet' });
    expect(summary.counts).toEqual({ added: 1, 'already-present': 2, failed: 1, skipped: 2 });
  });

  it('takes a full createAnycast reply as an outcome', () => {
    const reply = { ok: true as const, value: entry('192.0.2.10', ETHERNET) };
    const summary = summariseApply(preview('192.0.2.10 Ethernet'), new Map([[1, reply]]));
    expect(summary.counts.added).toBe(1);
  });
});
