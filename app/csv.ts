/**
 * A small RFC 4180 reader and writer, plus the spreadsheet-formula defusing that the
 * entry export applies and the bulk import undoes. Written here rather than taken from
 * a package because the app needs only this much, and app/ must stay dependency-light.
 */

export interface CsvRecord {
  fields: string[];
  /** 1-based physical line where the record starts (a quoted field can span lines). */
  line: number;
  /** The record's source text without its line break, for showing a person what was read. */
  raw: string;
  /** Why the record is malformed; its fields are then whatever was read before the fault. */
  error?: string;
}

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvOptions {
  delimiter?: CsvDelimiter;
  /** Skip lines that start with "#" where a record would start (never inside a quoted field). */
  comments?: boolean;
}

/** Reads every record at once; see readCsvRecords. */
export function parseCsv(text: string, options: CsvOptions = {}): CsvRecord[] {
  return [...readCsvRecords(text, options)];
}

/**
 * Reads the records one at a time, so a caller can stop early on a huge text.
 * Quoted fields follow RFC 4180 ("" is a quote, line breaks allowed).
 * Unquoted fields are trimmed, and blanks around a quoted field are skipped, because people
 * type "a, b"; the writer quotes any field whose edges are blank, so nothing meaningful is lost.
 * CRLF, LF and lone CR all end a record. Never throws.
 */
export function* readCsvRecords(text: string, { delimiter = ',', comments = false }: CsvOptions = {}): Generator<CsvRecord> {
  const isBlank = (c: string | undefined) => (c === ' ' || c === '\t') && c !== delimiter;
  const isLineBreak = (c: string | undefined) => c === '\n' || c === '\r';
  const isCommentAt = (at: number) => {
    while (isBlank(text[at])) at++;
    return text[at] === '#';
  };
  let pos = 0;
  let line = 1;

  while (pos < text.length) {
    if (comments && isCommentAt(pos)) {
      while (pos < text.length && !isLineBreak(text[pos])) pos++;
      if (text[pos] === '\r' && text[pos + 1] === '\n') pos++;
      pos++;
      line++;
      continue;
    }
    const start = pos;
    const startLine = line;
    const fields: string[] = [];
    let error: string | undefined;

    // One field per pass; stop at a line break or the end of the text.
    for (;;) {
      while (isBlank(text[pos])) pos++;
      let value = '';
      if (text[pos] === '"') {
        pos++;
        let closed = false;
        while (pos < text.length) {
          const c = text[pos]!;
          if (c === '"') {
            if (text[pos + 1] === '"') {
              value += '"';
              pos += 2;
              continue;
            }
            pos++;
            closed = true;
            break;
          }
          if (c === '\n' || (c === '\r' && text[pos + 1] !== '\n')) line++;
          value += c;
          pos++;
        }
        if (!closed) {
          error = `A quoted field that starts on line ${startLine} is never closed. Add the closing double quote.`;
        }
        while (isBlank(text[pos])) pos++;
        if (error === undefined && pos < text.length && text[pos] !== delimiter && !isLineBreak(text[pos])) {
          error = 'Text follows a closing double quote. Inside a quoted field, write a double quote as two ("").';
        }
      } else {
        const fieldStart = pos;
        while (pos < text.length && text[pos] !== delimiter && !isLineBreak(text[pos])) {
          if (text[pos] === '"' && error === undefined) {
            error = 'A double quote appears inside a field that is not quoted. Put the whole field in double quotes and write each quote inside it as two ("").';
          }
          pos++;
        }
        value = text.slice(fieldStart, pos).trim();
      }
      fields.push(value);
      if (error !== undefined) {
        // Resynchronise at the next line break: the rest of this line cannot be read reliably.
        while (pos < text.length && !isLineBreak(text[pos])) pos++;
      }
      if (text[pos] === delimiter) {
        pos++;
        continue;
      }
      break;
    }

    const end = pos;
    if (text[pos] === '\r' && text[pos + 1] === '\n') pos += 2;
    else if (isLineBreak(text[pos])) pos++;
    if (pos > end) line++;
    yield { fields, line: startLine, raw: text.slice(start, end), ...(error === undefined ? {} : { error }) };
  }
}

/** Quotes a field when a reader could otherwise misread it: delimiters, quotes, line breaks, blank edges. */
export function formatCsvField(value: string): string {
  return /[",;\t\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One record, CRLF-terminated as RFC 4180 asks. */
export function formatCsvRecord(fields: readonly string[]): string {
  return fields.map(formatCsvField).join(',') + '\r\n';
}

/**
 * A cell a spreadsheet could run as a formula (OWASP "CSV injection"): one that starts with
 * = + - @ or their full-width forms (＝ ＋ － ＠, read the same by spreadsheets with East Asian
 * input), with tab, CR or NUL (some spreadsheets skip or cut at them before looking), or with
 * blanks and line breaks before a trigger (spreadsheets trim them, the no-break space included).
 */
const RUNNABLE = /^(?:[\t\r\0]|[\s\0]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

/**
 * Whether a cell starts with an apostrophe that defusing added (or would have added).
 * An apostrophe before a runnable cell or before another apostrophe is the escape; an
 * apostrophe before anything else is the cell's own text. That makes defuse/restore an exact inverse.
 */
function startsWithEscape(cell: string): boolean {
  return cell.startsWith("'") && (RUNNABLE.test(cell.slice(1)) || cell[1] === "'");
}

/** Prefixes an apostrophe so a spreadsheet shows the cell as text instead of running it. */
export function defuseFormula(cell: string): string {
  return RUNNABLE.test(cell) || startsWithEscape(cell) ? `'${cell}` : cell;
}

/** Undoes exactly what defuseFormula did, so an exported file re-imports losslessly. */
export function restoreFormula(cell: string): string {
  return startsWithEscape(cell) ? cell.slice(1) : cell;
}
