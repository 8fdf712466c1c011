/**
 * Bulk import: read pasted text, CSV or JSON (import/) into address/interface rows, and
 * plan them against this computer (apply-plan.ts). Inputs too big to read are refused
 * before anything is shown.
 */
import { planRows, refusedPlan, type ApplyPlan, type PlanContext } from './apply-plan';
import { parseCsvInput } from './import/csv-rows';
import { detectImportFormat, type ImportFormat } from './import/detect-format';
import { parseJsonInput } from './import/json-rows';
import { count, MAX_IMPORT_BYTES, MAX_IMPORT_CHARS, MAX_IMPORT_ROWS, overLimit, stripBom, tooLarge, type Parsed } from './import/limits';
import { parsePaste } from './import/paste-rows';

export type { ImportFormat };

export interface ImportOptions extends PlanContext {
  /** Overrides the automatic choice, for a paste that happens to look like something else. */
  format?: ImportFormat;
}


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
