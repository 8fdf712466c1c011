/** A CSV with a header row naming its columns, in any order; the app's own export reads back. */
import type { PlanCandidate } from '../apply-plan';
import { readCsvRecords, restoreFormula, type CsvRecord } from '../csv';
import { quoteForReason, type InterfaceReference } from '../interface-reference';
import { COLUMN_ROLES, detectDelimiter, firstMeaningfulLine, normaliseHeader, type ColumnRole } from './detect-format';
import { count, MAX_IMPORT_ROWS, MAX_ROW_LENGTH, overLimit, shorten, tooLong, tooManyRows, type Parsed } from './limits';

const isBlankRecord = (r: CsvRecord) => r.error === undefined && r.raw.trim() === '';

function readHeader(header: CsvRecord): { columns: (ColumnRole | undefined)[]; notes: string[] } | { problem: string } {
  if (header.error !== undefined) return { problem: `The header row (line ${header.line}) cannot be read: ${header.error}` };
  const columns = header.fields.map((cell) => COLUMN_ROLES.get(normaliseHeader(cell)));
  const notes = header.fields
    .filter((_, i) => columns[i] === undefined)
    .map((cell) => `The column ${quoteForReason(cell)} is not one Anycast Manager reads; it was ignored.`);
  for (const role of new Set(columns)) {
    const named = header.fields.filter((_, i) => columns[i] === role);
    if (role !== undefined && role !== 'derived' && named.length > 1) {
      return { problem: `The columns ${named.map(quoteForReason).join(' and ')} mean the same thing. Keep one of them.` };
    }
  }
  if (!columns.includes('address')) {
    return { problem: 'The header row has no address column. Name the columns on the first row, for example: address,interface' };
  }
  if (!columns.some((c) => c === 'any' || c === 'luid' || c === 'alias' || c === 'index')) {
    return { problem: 'The header row has no interface column. Add one named interface, interfaceAlias or interfaceLuid.' };
  }
  return { columns, notes };
}

function readCsvRow(record: CsvRecord, columns: readonly (ColumnRole | undefined)[]): Pick<PlanCandidate, 'address' | 'ref' | 'problem'> {
  // restoreFormula undoes the apostrophe the export puts before cells a spreadsheet would run.
  const cell = (role: ColumnRole) => {
    const i = columns.indexOf(role);
    const value = i === -1 ? undefined : record.fields[i];
    return value === undefined ? undefined : restoreFormula(value);
  };
  const ref: InterfaceReference = {};
  for (const role of ['any', 'luid', 'alias', 'index'] as const) {
    const value = cell(role);
    if (value !== undefined) ref[role] = value;
  }
  const address = cell('address') ?? '';
  if (record.error !== undefined) return { address, ref, problem: record.error };
  const extra = record.fields.slice(columns.length);
  if (extra.some((f) => f !== '')) {
    return { address, ref, problem: `This row has ${record.fields.length} fields but the header names ${columns.length}. Check for an unquoted comma in an interface name.` };
  }
  return { address, ref };
}

/** The first record that is not blank; the generator then goes on after it. */
function firstRecord(records: Generator<CsvRecord>): CsvRecord | undefined {
  for (let next = records.next(); next.done !== true; next = records.next()) if (!isBlankRecord(next.value)) return next.value;
  return undefined;
}

export function parseCsvInput(text: string): Parsed {
  const headerLine = firstMeaningfulLine(text) ?? '';
  if (headerLine.length > MAX_ROW_LENGTH) {
    return { problem: `The first row is ${count(headerLine.length)} characters long, too long for a header that names columns. Check that the file is a CSV of addresses.` };
  }
  const records = readCsvRecords(text, { delimiter: detectDelimiter(headerLine), comments: true });
  const header = firstRecord(records);
  if (header === undefined) return { problem: 'The CSV is empty: it needs a header row and one row per address.' };
  const head = readHeader(header);
  if ('problem' in head) return head;
  const rows: PlanCandidate[] = [];
  for (const record of records) {
    if (isBlankRecord(record)) continue;
    if (rows.length === MAX_IMPORT_ROWS) return overLimit(tooManyRows());
    const location = `Line ${record.line}`;
    if (record.raw.length > MAX_ROW_LENGTH) rows.push({ location, raw: shorten(record.raw), address: '', ref: {}, problem: tooLong(record.raw.length) });
    else rows.push({ location, raw: record.raw, ...readCsvRow(record, head.columns) });
  }
  return { rows, notes: head.notes };
}
