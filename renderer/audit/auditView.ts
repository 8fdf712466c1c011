/** Filtering the audit trail and writing it out for a ticket or a colleague. */
import type { AuditRecord } from '../../app/audit';
import { defuseFormula, formatCsvRecord } from '../../app/csv';
import { jsonLine } from '../../app/json-lines';
import { auditSearchKey, matchesAuditRecord, parseSearch, type AuditSearchKey } from '../../app/search';

export type OperationFilter = 'all' | AuditRecord['operation'];
export type ResultFilter = 'all' | 'success' | 'failure' | 'unrecorded';

export interface AuditFilter {
  text: string;
  operation: OperationFilter;
  result: ResultFilter;
}

export const OPERATION_LABEL: Readonly<Record<AuditRecord['operation'], string>> = { create: 'Add', delete: 'Remove' };

/** What became of a change, as the log has it: an attempt whose outcome could not be written has none. */
export type Outcome = Exclude<ResultFilter, 'all'>;

export function outcomeOf(record: AuditRecord): Outcome {
  if (record.resultCode === null) return 'unrecorded';
  return record.resultCode === 0 ? 'success' : 'failure';
}

export const OUTCOME_LABEL: Readonly<Record<Outcome, string>> = { success: 'Succeeded', failure: 'Failed', unrecorded: 'No outcome recorded' };

// Records are never modified once read, so each one's search key is built once, not per keystroke.
const keyOf = new WeakMap<AuditRecord, AuditSearchKey>();

/** Searched as the main tables search an entry, plus every other field, the operation and result in words. */
function recordKey(r: AuditRecord): AuditSearchKey {
  let key = keyOf.get(r);
  if (key === undefined) {
    key = auditSearchKey(r, OPERATION_LABEL[r.operation], OUTCOME_LABEL[outcomeOf(r)]);
    keyOf.set(r, key);
  }
  return key;
}

export function filterAudit(records: readonly AuditRecord[], filter: AuditFilter): AuditRecord[] {
  const query = parseSearch(filter.text);
  return records.filter(
    (r) =>
      (filter.operation === 'all' || r.operation === filter.operation) &&
      (filter.result === 'all' || filter.result === outcomeOf(r)) &&
      matchesAuditRecord(query, recordKey(r)),
  );
}

const CSV_COLUMNS = [
  'time', 'user', 'machine', 'backend', 'operation', 'address', 'family',
  'interfaceLuid', 'interfaceIndex', 'interfaceLabel', 'resultCode', 'result',
] as const satisfies ReadonlyArray<keyof AuditRecord>;

/** Same conventions as the entry export: a byte order mark for Excel, and no cell a spreadsheet would run. */
export function auditCsv(records: readonly AuditRecord[]): string {
  // One row per change; a change with no outcome on record says so in the result column and leaves the code empty.
  const cell = (r: AuditRecord, column: (typeof CSV_COLUMNS)[number]) =>
    column === 'result' && r.result === null ? OUTCOME_LABEL.unrecorded.toLowerCase() : String(r[column] ?? '');
  const rows = records.map((r) => CSV_COLUMNS.map((column) => defuseFormula(cell(r, column))));
  return `\uFEFF${[CSV_COLUMNS, ...rows].map(formatCsvRecord).join('')}`;
}

/** One record per line, as the log file itself is written. */
export function auditJsonl(records: readonly AuditRecord[]): string {
  return records.map((r) => `${jsonLine(r)}\n`).join('');
}
