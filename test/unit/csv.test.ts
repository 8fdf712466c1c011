import fc from 'fast-check';
import { defuseFormula, formatCsvField, formatCsvRecord, parseCsv, restoreFormula } from '../../app/csv';

const fieldsOf = (text: string, options?: Parameters<typeof parseCsv>[1]) => parseCsv(text, options).map((r) => r.fields);

describe('CSV reading (RFC 4180)', () => {
  it('reads plain records with CRLF, LF or CR line ends and no trailing empty record', () => {
    expect(fieldsOf('a,b\r\nc,d\r\n')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(fieldsOf('a,b\nc,d')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(fieldsOf('a,b\rc,d\r')).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('reads quoted fields with doubled quotes, delimiters and line breaks inside', () => {
    expect(fieldsOf('"Ethernet ""2""","a,b","x\r\ny"\r\nnext')).toEqual([['Ethernet "2"', 'a,b', 'x\r\ny'], ['next']]);
  });

  it('gives each record its starting line and its source text', () => {
    const records = parseCsv('h1,h2\r\n"multi\nline",x\r\nlast,row\r\n');
    expect(records.map((r) => [r.line, r.raw])).toEqual([
      [1, 'h1,h2'],
      [2, '"multi\nline",x'],
      [4, 'last,row'],
    ]);
  });

  it('trims unquoted fields but keeps blanks inside quotes', () => {
    expect(fieldsOf(' 192.0.2.1 ,  Ethernet 2 ')).toEqual([['192.0.2.1', 'Ethernet 2']]);
    expect(fieldsOf('a, " padded ",b')).toEqual([['a', ' padded ', 'b']]);
  });

  it('keeps empty fields', () => {
    expect(fieldsOf(',,\r\n"",x')).toEqual([['', '', ''], ['', 'x']]);
  });

  it('reads other delimiters', () => {
    expect(fieldsOf('a;"b;c"', { delimiter: ';' })).toEqual([['a', 'b;c']]);
    expect(fieldsOf('a b\t c', { delimiter: '\t' })).toEqual([['a b', 'c']]);
  });

  it('skips comment lines only where a record starts, never inside a quoted field', () => {
    expect(fieldsOf('# note, "with quote\r\na,b\r\n  # indented\r\n', { comments: true })).toEqual([['a', 'b']]);
    expect(fieldsOf('"x\n# not a comment",b', { comments: true })).toEqual([['x\n# not a comment', 'b']]);
    expect(fieldsOf('#a,b')).toEqual([['#a', 'b']]);
  });

  it('reports an unclosed quote with the line it starts on', () => {
    const [record] = parseCsv('a,"never closed\nmore');
    expect(record?.error).toMatch(/starts on line 1 is never closed/);
  });

  it('reports text after a closing quote and a quote inside an unquoted field, then reads on', () => {
    const records = parseCsv('"a"b,c\r\nx"y,z\r\nok,1');
    expect(records[0]?.error).toMatch(/follows a closing double quote/);
    expect(records[1]?.error).toMatch(/not quoted/);
    expect(records[2]).toEqual({ fields: ['ok', '1'], line: 3, raw: 'ok,1' });
  });
});

describe('CSV writing', () => {
  it('quotes only what needs it', () => {
    expect(formatCsvField('Ethernet')).toBe('Ethernet');
    expect(formatCsvField('a,b')).toBe('"a,b"');
    expect(formatCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(formatCsvField(' lead')).toBe('" lead"');
    expect(formatCsvField('two\nlines')).toBe('"two\nlines"');
    expect(formatCsvRecord(['a', 'b c'])).toBe('a,b c\r\n');
  });

  it('reads back exactly what it wrote, for any fields', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const text = rows.map(formatCsvRecord).join('');
        expect(fieldsOf(text)).toEqual(rows);
      }),
    );
  });
});

describe('spreadsheet formula defusing (OWASP CSV injection)', () => {
  it.each([
    ['=HYPERLINK("http://x")', "'=HYPERLINK(\"http://x\")"],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ["'=already", "''=already"],
    ["''", "'''"],
    ['\0cmd', "'\0cmd"],
    ['\n=1+1', "'\n=1+1"],
    ['\r\n+1', "'\r\n+1"],
    [' =1+1', "' =1+1"],
    ['\t @x', "'\t @x"],
    ['\u00A0-2', "'\u00A0-2"],
    ['\uFF1DHYPERLINK("http://x")', "'\uFF1DHYPERLINK(\"http://x\")"],
    ['\uFF0B1', "'\uFF0B1"],
    ['\uFF0D1', "'\uFF0D1"],
    ['\uFF20SUM(A1)', "'\uFF20SUM(A1)"],
    [" ' =x", " ' =x"],
    ["' =x", "'' =x"],
  ])('defuses %j as %j', (cell, defused) => {
    expect(defuseFormula(cell)).toBe(defused);
    expect(restoreFormula(defused)).toBe(cell);
  });

  it.each(['Ethernet', "'", "'quoted", '192.0.2.1', '2001:db8::1', '', ' Ethernet', 'a=b', '\u00A0Wi-Fi', '\uFF21'])('leaves %j alone both ways', (cell) => {
    expect(defuseFormula(cell)).toBe(cell);
    expect(restoreFormula(cell)).toBe(cell);
  });

  it('restores exactly what it defused, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (cell) => {
        expect(restoreFormula(defuseFormula(cell))).toBe(cell);
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^['=+\-@\t\r].{0,5}$/), (cell) => {
        expect(defuseFormula(cell).startsWith("'")).toBe(true);
      }),
    );
  });

  /** Blanks and line breaks a spreadsheet trims, NUL, then a trigger: a runnable cell by construction. */
  const runnableCell = fc
    .tuple(
      fc.string({ unit: fc.constantFrom(' ', '\n', '\r', '\t', '\u00A0', '\0', '\u3000'), maxLength: 4 }),
      fc.constantFrom('=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'),
      fc.string({ unit: 'binary', maxLength: 8 }),
    )
    .map(([blanks, trigger, rest]) => blanks + trigger + rest);

  it('escapes every cell that starts with blanks, line breaks or NUL and then a trigger, and restores it exactly', () => {
    fc.assert(
      fc.property(runnableCell, (cell) => {
        const defused = defuseFormula(cell);
        expect(defused).toBe(`'${cell}`);
        expect(restoreFormula(defused)).toBe(cell);
      }),
    );
  });

  it('escapes every cell that starts with NUL', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 8 }), (rest) => {
        expect(defuseFormula(`\0${rest}`)).toBe(`'\0${rest}`);
      }),
    );
  });
});
