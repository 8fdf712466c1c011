/**
 * One JSON value as one line of a JSON-lines file. JSON.stringify already escapes
 * U+0000–U+001F, but leaves DEL, the C1 controls (U+0085 NEXT LINE among them) and
 * U+2028/U+2029 raw; line readers such as Python's splitlines() and many editors
 * break lines there, so one record would read as two. They are escaped too.
 */
const LINE_BREAKERS = /[\u007f-\u009f\u2028\u2029]/g;

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** The value's JSON text with no character a line reader could split on; undefined when it has no JSON form. */
export function jsonLine(value: unknown): string | undefined {
  const text: string | undefined = JSON.stringify(value);
  return text?.replace(LINE_BREAKERS, escape);
}
