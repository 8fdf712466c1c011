/** A JSON entry list: the app's export, {entries: [...]}, or a bare array, bounded before it is parsed. */
import type { PlanCandidate } from '../apply-plan';
import { ENTRIES_FORMAT, ENTRIES_FORMAT_VERSION } from '../entry-export';
import { quoteForReason, type InterfaceReference } from '../interface-reference';
import { jsonShapeExcess, type JsonShapeExcess } from '../json-shape';
import { count, MAX_IMPORT_ROWS, MAX_JSON_DEPTH, MAX_JSON_VALUES, MAX_ROW_LENGTH, overLimit, shorten, tooLong, tooManyRows, type Parsed } from './limits';

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

export function parseJsonInput(text: string): Parsed {
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
