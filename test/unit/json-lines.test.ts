import fc from 'fast-check';
import { jsonLine } from '../../app/json-lines';
import { LINE_END_CHARACTERS, splitLinesEagerly } from '../support/line-ends';


describe('one JSON value per line', () => {
  it.each([
    ['NEXT LINE', '\u0085', '\\u0085'],
    ['LINE SEPARATOR', '\u2028', '\\u2028'],
    ['PARAGRAPH SEPARATOR', '\u2029', '\\u2029'],
    ['DELETE', '\u007f', '\\u007f'],
    ['a C1 control', '\u009b', '\\u009b'],
  ])('escapes %s, which JSON.stringify leaves raw', (_name, char, escaped) => {
    const line = jsonLine({ alias: `a${char}b` })!;
    expect(JSON.stringify({ alias: `a${char}b` })).toContain(char);
    expect(line).toBe(`{"alias":"a${escaped}b"}`);
    expect(JSON.parse(line)).toEqual({ alias: `a${char}b` });
  });

  it('leaves every other character as JSON.stringify writes it', () => {
    expect(jsonLine({ alias: 'Ethernet – Büro ½ \u00a0' })).toBe(JSON.stringify({ alias: 'Ethernet – Büro ½ \u00a0' }));
  });

  it('has no JSON form for undefined, like JSON.stringify', () => {
    expect(jsonLine(undefined)).toBeUndefined();
  });

  it('keeps any text on one line that reads back unchanged', () => {
    // Any code point, with the line ends and the C1 range drawn often enough to matter.
    const character = fc.oneof(
      fc.constantFrom(...LINE_END_CHARACTERS, '\u007f', '\u0080', '\u009f'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.string({ unit: character }), (text) => {
        const line = jsonLine({ text })!;
        expect(splitLinesEagerly(line)).toEqual([line]);
        expect(JSON.parse(line)).toEqual({ text });
      }),
    );
  });
});
