/**
 * The document the crash test writes: a generation number and a large payload
 * with its SHA-256, so a reader can tell a complete version from a torn one.
 */
import { createHash } from 'node:crypto';

export interface CrashDocument {
  generation: number;
  checksum: string;
  payload: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Large enough that writing it takes a while, so kills land mid-write. */
export function makePayload(bytes: number, seed: number): string {
  const unit = `${seed.toString(36)}-anycast-${'0123456789abcdef'.repeat(4)};`;
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}

export function makeDocument(generation: number, payload: string, checksum = sha256(payload)): string {
  return JSON.stringify({ generation, checksum, payload });
}

export function checksumOf(payload: string): string {
  return sha256(payload);
}

/** The generation of a complete document; throws for a torn or tampered one. */
export function readGeneration(text: string): number {
  const doc = JSON.parse(text) as CrashDocument;
  if (sha256(doc.payload) !== doc.checksum) throw new Error(`generation ${doc.generation}: checksum mismatch`);
  return doc.generation;
}
