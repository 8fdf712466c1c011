/** How much one import may hold, and the shared reading of lines and reasons every parser uses. */
import type { PlanCandidate } from '../apply-plan';

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

/** What a parser read: candidate rows, or why the whole input cannot be read (overLimit: it is too big). */
export type Parsed = { rows: PlanCandidate[]; notes: string[] } | { problem: string; overLimit?: true };

export const overLimit = (problem: string) => ({ problem, overLimit: true as const });

export const stripBom = (text: string) => (text.startsWith('\uFEFF') ? text.slice(1) : text);
export const isSkippable = (line: string) => line.trim() === '' || line.trimStart().startsWith('#');
export const count = (n: number) => n.toLocaleString('en-US');
export const tooManyRows = () => `The input has more than ${count(MAX_IMPORT_ROWS)} rows; one import takes at most ${count(MAX_IMPORT_ROWS)}. Split it into smaller files.`;
export const tooLarge = (chars: number) =>
  `The input is ${count(chars)} characters; an import can be at most ${count(MAX_IMPORT_CHARS)} (and ${count(MAX_IMPORT_ROWS)} rows). Split it into smaller files.`;

/** Each line with its 1-based number, one at a time: a huge input is never split into an array of lines. */
export function* numberedLines(text: string): Generator<[line: string, number: number]> {
  const lineBreak = /\r\n|\n|\r/g;
  let start = 0;
  let number = 1;
  for (let found = lineBreak.exec(text); found !== null; found = lineBreak.exec(text)) {
    yield [text.slice(start, found.index), number++];
    start = lineBreak.lastIndex;
  }
  yield [text.slice(start), number];
}
export const tooLong = (length: number) =>
  `This row is ${length.toLocaleString('en-US')} characters long; a row can be at most ${MAX_ROW_LENGTH.toLocaleString('en-US')}. Check that the file is a list of addresses.`;
export const shorten = (raw: string) => (raw.length > MAX_ROW_LENGTH ? `${raw.slice(0, 200)}…` : raw);
