/**
 * Exporting the current anycast entries as CSV (for spreadsheets and tickets) and JSON
 * (for re-import and tooling). Both carry the interface LUID, which is what makes a
 * re-import on the same computer exact, and the alias, which is what a person reads and
 * what a re-import on another computer falls back to.
 */
import { defuseFormula, formatCsvRecord } from './csv';
import type { AnycastEntry, Family, NetworkInterface } from './model';

export const ENTRIES_FORMAT = 'anycast-manager/entries';
export const ENTRIES_FORMAT_VERSION = 1;

export interface ExportedEntry {
  address: string;
  family: Family;
  interfaceLuid: string;
  interfaceIndex: number;
  /** '' when the interface was not in the list at export time (it was removed meanwhile). */
  interfaceAlias: string;
  scopeId: number;
}

export interface ExportedEntries {
  format: typeof ENTRIES_FORMAT;
  version: typeof ENTRIES_FORMAT_VERSION;
  exportedAt: string;
  machine?: string;
  entries: ExportedEntry[];
}

export interface ExportContext {
  /** Passed in, not read from a clock, so an export is reproducible in tests. */
  exportedAt: Date;
  machine?: string;
}

/** Column order of the CSV export; bulk import reads these names in any order. */
export const CSV_COLUMNS = ['address', 'family', 'interfaceLuid', 'interfaceIndex', 'interfaceAlias', 'scopeId'] as const;

/** Each entry with the alias its interface has in `interfaces` ('' when it is not there). */
export function exportedEntries(entries: readonly AnycastEntry[], interfaces: readonly NetworkInterface[]): ExportedEntry[] {
  const aliasByLuid = new Map(interfaces.map((i) => [i.luid, i.alias]));
  return entries.map((e) => ({
    address: e.address,
    family: e.family,
    interfaceLuid: e.interfaceLuid,
    interfaceIndex: e.interfaceIndex,
    interfaceAlias: aliasByLuid.get(e.interfaceLuid) ?? '',
    scopeId: e.scopeId,
  }));
}

export function exportEntriesJson(
  entries: readonly AnycastEntry[],
  interfaces: readonly NetworkInterface[],
  context: ExportContext,
): string {
  const doc: ExportedEntries = {
    format: ENTRIES_FORMAT,
    version: ENTRIES_FORMAT_VERSION,
    exportedAt: context.exportedAt.toISOString(),
    ...(context.machine === undefined ? {} : { machine: context.machine }),
    entries: exportedEntries(entries, interfaces),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * Starts with a byte order mark, without which Excel reads UTF-8 as the local code page and
 * garbles non-English aliases; bulk import skips it. Every cell goes through defuseFormula:
 * an alias such as "=HYPERLINK(...)" must stay text in a spreadsheet. Bulk import undoes it exactly.
 */
export function exportEntriesCsv(entries: readonly AnycastEntry[], interfaces: readonly NetworkInterface[]): string {
  const rows = exportedEntries(entries, interfaces).map((e) => CSV_COLUMNS.map((column) => defuseFormula(String(e[column]))));
  return `\uFEFF${[CSV_COLUMNS, ...rows].map(formatCsvRecord).join('')}`;
}
