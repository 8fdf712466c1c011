/**
 * Bulk import: read pasted text, CSV or JSON into address/interface rows, and plan them
 * against this computer (apply-plan.ts). Inputs too big to read are refused before
 * anything is shown.
 */
import { planRows, refusedPlan, type ApplyPlan, type PlanCandidate, type PlanContext, type PlanSource } from './apply-plan';
import { parseCsv, readCsvRecords, restoreFormula, type CsvDelimiter, type CsvRecord } from './csv';
import { ENTRIES_FORMAT, ENTRIES_FORMAT_VERSION } from './entry-export';
import { jsonShapeExcess, type JsonShapeExcess } from './json-shape';
import { quoteForReason, type InterfaceReference } from './interface-reference';

/** One import is one sitting for a technician; larger lists belong in several files. */
export const MAX_IMPORT_ROWS = 10_000;
/** Far above any real row (a 256-character alias plus an address), far below a pasted binary. */
export const MAX_ROW_LENGTH = 2_000;
/** Enough for MAX_IMPORT_ROWS rows of the app's own indented JSON export. */
export const MAX_IMPORT_CHARS = 5_000_000;
/** A file is refused before it is read above this size; UTF-8 never has fewer bytes than characters. */
export const MAX_IMPORT_BYTES = MAX_IMPORT_CHARS;
/** An entry list needs 3 levels (an object, its entries, an entry); anything far deeper is not one. */
export const MAX_JSON_DEPTH = 16;
/** Far above the 7 values an exported entry has, times MAX_IMPORT_ROWS, so JSON.parse never builds more. */
export const MAX_JSON_VALUES = MAX_IMPORT_ROWS * 20;

export type ImportFormat = Exclude<PlanSource, 'saved-set'>;

export interface ImportOptions extends PlanContext {
  /** Overrides the automatic choice, for a paste that happens to look like something else. */
  format?: ImportFormat;
}

/** overLimit marks the input as too big as a whole, which importTextProblem reports. */
type Parsed = { rows: PlanCandidate[]; notes: string[] } | { problem: string; overLimit?: true };

const overLimit = (problem: string) => ({ problem, overLimit: true as const });

const stripBom = (text: string) => (text.startsWith('\uFEFF') ? text.slice(1) : text);
const isSkippable = (line: string) => line.trim() === '' || line.trimStart().startsWith('#');
const count = (n: number) => n.toLocaleString('en-US');
const tooManyRows = () => `The input has more than ${count(MAX_IMPORT_ROWS)} rows; one import takes at most ${count(MAX_IMPORT_ROWS)}. Split it into smaller files.`;
const tooLarge = (chars: number) =>
  `The input is ${count(chars)} characters; an import can be at most ${count(MAX_IMPORT_CHARS)} (and ${count(MAX_IMPORT_ROWS)} rows). Split it into smaller files.`;

/** Each line with its 1-based number, one at a time: a huge input is never split into an array of lines. */
function* numberedLines(text: string): Generator<[line: string, number: number]> {
  const lineBreak = /\r\n|\n|\r/g;
  let start = 0;
  let number = 1;
  for (let found = lineBreak.exec(text); found !== null; found = lineBreak.exec(text)) {
    yield [text.slice(start, found.index), number++];
    start = lineBreak.lastIndex;
  }
  yield [text.slice(start), number];
}
const tooLong = (length: number) =>
  `This row is ${length.toLocaleString('en-US')} characters long; a row can be at most ${MAX_ROW_LENGTH.toLocaleString('en-US')}. Check that the file is a list of addresses.`;
const shorten = (raw: string) => (raw.length > MAX_ROW_LENGTH ? `${raw.slice(0, 200)}…` : raw);

// ---------------------------------------------------------------- format detection

type ColumnRole = 'address' | 'any' | 'luid' | 'alias' | 'index' | 'derived';

/** Header names, case and punctuation ignored, and what they mean. A Map, so a header such as "constructor" means nothing. */
const COLUMN_ROLES: ReadonlyMap<string, ColumnRole> = new Map<string, ColumnRole>([
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

const normaliseHeader = (cell: string) => cell.toLowerCase().replace(/[\s_.-]/g, '');

function firstMeaningfulLine(text: string): string | undefined {
  for (const [line] of numberedLines(text)) if (!isSkippable(line)) return line;
  return undefined;
}

/** The delimiter used most on the header line; Excel writes ";" in many locales. */
function detectDelimiter(headerLine: string): CsvDelimiter {
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

// ---------------------------------------------------------------- pasted text

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

function parsePaste(text: string): Parsed {
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

// ---------------------------------------------------------------- CSV

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

function parseCsvInput(text: string): Parsed {
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

// ---------------------------------------------------------------- JSON

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The entries array of the app's export, of {entries: [...]}, or a bare array. */
function entriesOf(doc: unknown): unknown[] | { problem: string } {
  if (Array.isArray(doc)) return doc;
  if (!isRecord(doc)) return { problem: 'The JSON is not a list of entries. Expected [{"address": "...", "interface": "..."}, ...].' };
  const format = doc['format'];
  if (format !== undefined && format !== ENTRIES_FORMAT) {
    // Not String(format): an object with its own "toString" key throws there.
    const named = typeof format === 'string' ? `a ${quoteForReason(format)} file` : 'a file whose "format" is not text';
    return { problem: `The JSON is ${named}, not an Anycast Manager entry list.` };
  }
  const version = doc['version'];
  if (doc['format'] === ENTRIES_FORMAT && (typeof version !== 'number' || !Number.isInteger(version) || version < 1)) {
    return { problem: 'The file says it is an Anycast Manager export but has no valid version number.' };
  }
  if (typeof version === 'number' && version > ENTRIES_FORMAT_VERSION) {
    return { problem: `The file was written by a newer Anycast Manager (format version ${version}); this version reads version ${ENTRIES_FORMAT_VERSION}. Update Anycast Manager.` };
  }
  const entries = doc['entries'];
  if (!Array.isArray(entries)) return { problem: 'The JSON object has no "entries" list.' };
  return entries;
}

/** Text stays text; whole numbers are accepted where a person might write one. */
function jsonField(entry: Record<string, unknown>, key: string, numbers: 'safe-integer' | 'none'): string | undefined | { problem: string } {
  const value = entry[key];
  if (value === undefined || value === null || typeof value === 'string') return value ?? undefined;
  if (numbers === 'safe-integer' && typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (key === 'interfaceLuid' && typeof value === 'number') {
    return { problem: 'Write the interfaceLuid as text, such as "1689399632855040": JSON numbers that large lose digits.' };
  }
  return { problem: `"${key}" must be ${numbers === 'none' ? 'text' : 'text or a whole number'}.` };
}

function readJsonEntry(value: unknown): Pick<PlanCandidate, 'address' | 'ref' | 'problem'> {
  if (!isRecord(value)) return { address: '', ref: {}, problem: 'This entry is not an object such as {"address": "192.0.2.10", "interface": "Ethernet"}.' };
  const fields = {
    address: jsonField(value, 'address', 'none'),
    any: jsonField(value, 'interface', 'safe-integer'),
    alias: jsonField(value, 'interfaceAlias', 'none'),
    luid: jsonField(value, 'interfaceLuid', 'safe-integer'),
    index: jsonField(value, 'interfaceIndex', 'safe-integer'),
  };
  const problems = Object.values(fields).filter((f): f is { problem: string } => typeof f === 'object');
  const text = (f: string | undefined | { problem: string }) => (typeof f === 'string' ? f : undefined);
  const ref: InterfaceReference = {};
  for (const role of ['any', 'alias', 'luid', 'index'] as const) {
    const v = text(fields[role]);
    if (v !== undefined) ref[role] = v;
  }
  const address = text(fields.address) ?? '';
  return problems.length > 0 ? { address, ref, problem: problems.map((p) => p.problem).join(' ') } : { address, ref };
}

const JSON_TOO_BIG: Readonly<Record<JsonShapeExcess, string>> = {
  depth: `The JSON is nested more than ${MAX_JSON_DEPTH} levels deep; an entry list needs 3. Check that the file is a list of entries such as [{"address": "192.0.2.10", "interface": "Ethernet"}].`,
  values: `The JSON holds more than ${count(MAX_JSON_VALUES)} values, far more than ${count(MAX_IMPORT_ROWS)} entries need. Split it into smaller files.`,
  elements: tooManyRows(),
};

function parseJsonInput(text: string): Parsed {
  const excess = jsonShapeExcess(text, { maxDepth: MAX_JSON_DEPTH, maxValues: MAX_JSON_VALUES, maxElements: MAX_IMPORT_ROWS });
  if (excess !== undefined) return overLimit(JSON_TOO_BIG[excess]);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return { problem: `The text is not valid JSON (${error instanceof Error ? error.message : 'unreadable'}). Choose another format if it is a list or a CSV.` };
  }
  const entries = entriesOf(doc);
  if (!Array.isArray(entries)) return entries;
  const rows = entries.map((entry, i): PlanCandidate => {
    const raw = JSON.stringify(entry);
    const location = `Entry ${i + 1}`;
    if (raw.length > MAX_ROW_LENGTH) return { location, raw: shorten(raw), address: '', ref: {}, problem: tooLong(raw.length) };
    return { location, raw, ...readJsonEntry(entry) };
  });
  return { rows, notes: [] };
}

// ---------------------------------------------------------------- planning

const PARSERS: Readonly<Record<ImportFormat, (text: string) => Parsed>> = {
  paste: parsePaste,
  csv: parseCsvInput,
  json: parseJsonInput,
};

/** Detects the format (unless given) and reads the rows; text over the size limit is refused unread. */
function readInput(input: string, given: ImportFormat | undefined): { format: ImportFormat; parsed: Parsed } {
  const text = stripBom(input);
  const format = given ?? detectImportFormat(text);
  if (text.length > MAX_IMPORT_CHARS) return { format, parsed: overLimit(tooLarge(text.length)) };
  return { format, parsed: PARSERS[format](text) };
}

/** The last guard of "never throws": a fault while reading becomes the input's problem, saying what happened. */
function unreadable(fault: unknown): string {
  const what = fault instanceof Error ? `${fault.name}: ${fault.message}` : 'an unknown fault';
  return `The input could not be read (${what}). Check that it is a list, a CSV or a JSON entry list; if it is, report this with the file.`;
}

/** Reads the input and says, row by row, what applying it would do. Never throws. */
export function previewImport(input: string, options: ImportOptions): ApplyPlan<ImportFormat> {
  let format: ImportFormat = options.format ?? 'paste';
  try {
    const read = readInput(input, options.format);
    format = read.format;
    if ('problem' in read.parsed) return refusedPlan(format, read.parsed.problem);
    return planRows(format, read.parsed.rows, options, { notes: read.parsed.notes });
  } catch (fault) {
    return refusedPlan(format, unreadable(fault));
  }
}

/**
 * Why a text is too big to import (too long, too many rows, JSON nested too deep or too
 * large), found before it is shown or previewed; undefined when it is within the limits,
 * even if its rows have problems of their own, which the preview then shows.
 */
export function importTextProblem(text: string): string | undefined {
  try {
    const { parsed } = readInput(text, undefined);
    return 'overLimit' in parsed ? parsed.problem : undefined;
  } catch (fault) {
    return unreadable(fault);
  }
}

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;

/** Why a file is too big to import, from its size alone, before it is read. */
export function importFileProblem(name: string, bytes: number): string | undefined {
  if (bytes <= MAX_IMPORT_BYTES) return undefined;
  return `${name} is ${megabytes(bytes)}; an import file can be at most ${megabytes(MAX_IMPORT_BYTES)} and ${count(MAX_IMPORT_ROWS)} rows. Split it into smaller files.`;
}
