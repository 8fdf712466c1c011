/** A pasted list: one address per line, then the interface by alias, LUID or index. */
import type { PlanCandidate } from '../apply-plan';
import { isSkippable, MAX_IMPORT_ROWS, MAX_ROW_LENGTH, numberedLines, overLimit, shorten, tooLong, tooManyRows, type Parsed } from './limits';

/** Addresses never contain blanks or commas, so the first one ends the address. */
function readPastedLine(line: string): Pick<PlanCandidate, 'address' | 'ref' | 'problem'> {
  const text = line.trim();
  const end = text.search(/[\s,]/);
  const address = end === -1 ? text : text.slice(0, end);
  const rest = end === -1 ? '' : text.slice(end).replace(/^\s*,?\s*/, '');
  if (!rest.startsWith('"')) return { address, ref: { any: rest } };
  const quoted = /^"((?:[^"]|"")*)"$/.exec(rest);
  if (quoted === null) {
    return {
      address,
      ref: {},
      problem: 'The interface name starts with a double quote but does not end with one. Quote the whole name, and write a quote inside it as two ("").',
    };
  }
  return { address, ref: { any: quoted[1]!.replaceAll('""', '"') } };
}

export function parsePaste(text: string): Parsed {
  const rows: PlanCandidate[] = [];
  for (const [line, number] of numberedLines(text)) {
    if (isSkippable(line)) continue;
    if (rows.length === MAX_IMPORT_ROWS) return overLimit(tooManyRows());
    const location = `Line ${number}`;
    if (line.length > MAX_ROW_LENGTH) rows.push({ location, raw: shorten(line), address: '', ref: {}, problem: tooLong(line.length) });
    else rows.push({ location, raw: line, ...readPastedLine(line) });
  }
  return { rows, notes: [] };
}
