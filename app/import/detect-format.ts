/** Which of the three inputs a text is, and the CSV header names the CSV reader shares. */
import type { PlanSource } from '../apply-plan';
import { parseCsv, type CsvDelimiter } from '../csv';
import { isSkippable, MAX_ROW_LENGTH, numberedLines, stripBom } from './limits';

export type ImportFormat = Exclude<PlanSource, 'saved-set'>;

export type ColumnRole = 'address' | 'any' | 'luid' | 'alias' | 'index' | 'derived';

/** Header names, case and punctuation ignored, and what they mean. A Map, so a header such as "constructor" means nothing. */
export const COLUMN_ROLES: ReadonlyMap<string, ColumnRole> = new Map<string, ColumnRole>([
  ['address', 'address'],
  ['ipaddress', 'address'],
  ['ip', 'address'],
  ['anycastaddress', 'address'],
  ['interface', 'any'],
  ['interfaceluid', 'luid'],
  ['luid', 'luid'],
  ['ifluid', 'luid'],
  ['interfacealias', 'alias'],
  ['alias', 'alias'],
  ['ifalias', 'alias'],
  ['interfacename', 'alias'],
  ['interfaceindex', 'index'],
  ['index', 'index'],
  ['ifindex', 'index'],
  // The export writes these for people to read; they follow from the address and interface.
  ['family', 'derived'],
  ['addressfamily', 'derived'],
  ['scopeid', 'derived'],
]);

export const normaliseHeader = (cell: string) => cell.toLowerCase().replace(/[\s_.-]/g, '');

export function firstMeaningfulLine(text: string): string | undefined {
  for (const [line] of numberedLines(text)) if (!isSkippable(line)) return line;
  return undefined;
}

/** The delimiter used most on the header line; Excel writes ";" in many locales. */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  const uses = (d: string) => [...headerLine].filter((c) => c === d).length;
  const ranked = ([',', ';', '\t'] as const).map((d) => [d, uses(d)] as const).sort((a, b) => b[1] - a[1]);
  return ranked[0]![1] > 0 ? ranked[0]![0] : ',';
}

/** A header names a few columns: a longer line is data, and is not read as one. */
function looksLikeCsvHeader(line: string): boolean {
  if (line.length > MAX_ROW_LENGTH) return false;
  const cells = parseCsv(line, { delimiter: detectDelimiter(line) })[0]?.fields ?? [];
  return cells.some((cell) => COLUMN_ROLES.get(normaliseHeader(cell)) === 'address');
}

/** JSON starts with a bracket; CSV has a header row naming an address column; anything else is a paste. */
export function detectImportFormat(text: string): ImportFormat {
  const body = stripBom(text);
  const first = body[body.search(/\S/)];
  if (first === '[' || first === '{') return 'json';
  const header = firstMeaningfulLine(body);
  return header !== undefined && looksLikeCsvHeader(header) ? 'csv' : 'paste';
}
