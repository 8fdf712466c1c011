/** Every character at which some common line reader ends a line: Python's str.splitlines(), and editors that honour NEL, LS and PS. */
export const LINE_END_CHARACTERS: readonly string[] = ['\n', '\r', '\v', '\f', '\u001c', '\u001d', '\u001e', '\u0085', '\u2028', '\u2029'];

/** Splits text the way the most eager of those readers would (CRLF is one line end). */
export function splitLinesEagerly(text: string): string[] {
  const lines: string[] = [];
  let current = '';
  for (let at = 0; at < text.length; at++) {
    const c = text[at]!;
    if (!LINE_END_CHARACTERS.includes(c)) {
      current += c;
      continue;
    }
    if (c === '\r' && text[at + 1] === '\n') at++;
    lines.push(current);
    current = '';
  }
  lines.push(current);
  return lines;
}
