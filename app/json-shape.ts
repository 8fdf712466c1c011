/**
 * Measures JSON text in one pass without building anything, so text too deep or too big
 * for an import is refused before JSON.parse allocates it, and before anything recurses
 * through it (JSON.stringify of a value nested 10,000 deep overflows the stack). Strings are
 * skipped with their escapes; the text need not be valid JSON: JSON.parse says so afterwards.
 */
export interface JsonShapeLimits {
  /** Containers inside one another. */
  maxDepth: number;
  /** Containers plus commas: at least every value after the first in each container. */
  maxValues: number;
  /** Elements of one array at the top level or just below it, where an import's entries are. */
  maxElements: number;
}

export type JsonShapeExcess = 'depth' | 'values' | 'elements';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
/** Arrays at these depths (0 = the top level) hold an import's entries. */
const ENTRY_DEPTHS = 2;

/** The first limit the text goes past, or undefined when it stays within all of them. */
export function jsonShapeExcess(text: string, limits: JsonShapeLimits): JsonShapeExcess | undefined {
  // Per open container: the commas seen so far in an array at an entry depth, else -1.
  const open: number[] = [];
  let values = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (open.length >= limits.maxDepth) return 'depth';
      if (++values > limits.maxValues) return 'values';
      open.push(c === OPEN_ARRAY && open.length < ENTRY_DEPTHS ? 0 : -1);
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      open.pop();
    } else if (c === COMMA) {
      if (++values > limits.maxValues) return 'values';
      const top = open.length - 1;
      // n commas separate n + 1 elements.
      if (top >= 0 && open[top]! >= 0 && ++open[top]! >= limits.maxElements) return 'elements';
    }
  }
  return undefined;
}
