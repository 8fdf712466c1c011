/**
 * Reads a file's lines from a byte offset back towards its start, in fixed-size chunks,
 * so the newest records of a large log are found without reading the whole file. Lines
 * are split on the byte 0x0A, which never occurs inside a multi-byte UTF-8 character.
 * Written here because the reverse-reading packages on npm do not report byte offsets,
 * which the audit viewer's cursor needs.
 */
import type { FileHandle } from 'node:fs/promises';

export interface LineAt {
  /** Byte offset of the line's first byte. */
  start: number;
  /** The line without its line feed; null when it is longer than `maxLineBytes` (and was not kept). */
  bytes: Buffer | null;
}

export interface BackwardOptions {
  chunkBytes?: number;
  /** Memory stays bounded by this even for a file with no line feeds at all. */
  maxLineBytes?: number;
}

const NEWLINE = 0x0a;

/** The lines that end at or before `end`, newest first; the text after the last line feed before `end` counts as a line. */
export async function* linesBackward(
  file: FileHandle,
  end: number,
  { chunkBytes = 64 * 1024, maxLineBytes = 1024 * 1024 }: BackwardOptions = {},
): AsyncGenerator<LineAt> {
  // The part of the current line read so far, in file order: it grows towards the file's start.
  let tail: Buffer[] = [];
  let tailBytes = 0;
  let oversized = false;
  const line = (start: number): LineAt => ({ start, bytes: oversized ? null : Buffer.concat(tail, tailBytes) });
  const keep = (piece: Buffer) => {
    if (oversized || piece.length === 0) return;
    tailBytes += piece.length;
    if (tailBytes > maxLineBytes) {
      oversized = true;
      tail = [];
    } else {
      tail.unshift(piece);
    }
  };
  let position = end;
  const buffer = Buffer.alloc(chunkBytes);
  while (position > 0) {
    const size = Math.min(chunkBytes, position);
    position -= size;
    const { bytesRead } = await file.read(buffer, 0, size, position);
    if (bytesRead !== size) throw new Error(`The file ended early while reading back from byte ${end}.`);
    let lineEnd = size;
    for (let at = size - 1; at >= 0; at--) {
      if (buffer[at] !== NEWLINE) continue;
      // Copied: the buffer is reused for the next chunk.
      keep(Buffer.from(buffer.subarray(at + 1, lineEnd)));
      yield line(position + at + 1);
      tail = [];
      tailBytes = 0;
      oversized = false;
      lineEnd = at;
    }
    keep(Buffer.from(buffer.subarray(0, lineEnd)));
  }
  if (tailBytes > 0 || oversized) yield line(0);
}
