/** The file an export writes, from the pure generators in app/: entries as CSV or JSON, or a script. */
import { exportEntriesCsv, exportEntriesJson } from '../../app/entry-export';
import type { AnycastEntry, NetworkInterface } from '../../app/model';
import { netshScript, powerShellScript, type LeftOutEntry, type PolicyStore } from '../../app/script-export';
import type { TextFile } from '../download';

export type ExportFormat = 'csv' | 'json' | 'powershell' | 'netsh';

export const SCRIPT_FORMATS: ReadonlySet<ExportFormat> = new Set<ExportFormat>(['powershell', 'netsh']);

export interface ExportOptions {
  store: PolicyStore;
  now: Date;
  machine: string | undefined;
}

export interface BuiltExport {
  file: TextFile;
  included: number;
  /** Entries a script could not write safely, with the generator's reason. */
  leftOut: LeftOutEntry[];
}

export function buildExport(
  format: ExportFormat,
  entries: readonly AnycastEntry[],
  interfaces: readonly NetworkInterface[],
  { store, now, machine }: ExportOptions,
): BuiltExport {
  const context = { generatedAt: now, store, ...(machine === undefined ? {} : { machine }) };
  switch (format) {
    case 'csv':
      return { file: { fileName: 'anycast-entries.csv', text: exportEntriesCsv(entries, interfaces), type: 'text/csv;charset=utf-8' }, included: entries.length, leftOut: [] };
    case 'json': {
      const text = exportEntriesJson(entries, interfaces, { exportedAt: now, ...(machine === undefined ? {} : { machine }) });
      return { file: { fileName: 'anycast-entries.json', text, type: 'application/json;charset=utf-8' }, included: entries.length, leftOut: [] };
    }
    case 'powershell':
    case 'netsh': {
      const script = (format === 'powershell' ? powerShellScript : netshScript)(entries, interfaces, context);
      return { file: { fileName: script.fileName, text: script.text, type: 'text/plain;charset=utf-8' }, included: script.included, leftOut: script.leftOut };
    }
  }
}
