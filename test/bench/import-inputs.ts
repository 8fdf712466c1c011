/**
 * The inputs the large-import benchmark reads, built the same way in the browser run and in
 * the Node child: files too big to import, and one at the very limits that must still be previewed.
 */
const MB = 1024 * 1024;
const ROW = '192.0.2.1 Ethernet\n';

/** Distinct ready rows for the simulated computer's Ethernet, each padded by a comment line to fill `bytes`. */
function atTheLimits(rows: number, bytes: number): string {
  const data = Array.from({ length: rows }, (_, i) => `198.18.${i >> 8}.${i & 255} Ethernet\n`);
  const pad = Math.max(0, Math.floor((bytes - data.join('').length) / rows) - 3);
  return data.map((row) => `${row}# ${'x'.repeat(pad)}\n`).join('');
}

export interface ImportInput {
  name: string;
  /** Shown once the input has been dealt with: the refusal, or the preview's row counts. */
  outcome: 'refused' | 'previewed';
  text: () => string;
}

export const IMPORT_INPUTS = {
  oversized: { name: '20 MB file (1.1 M rows)', outcome: 'refused', text: () => ROW.repeat(Math.floor((20 * MB) / ROW.length)) },
  tooManyRows: { name: '4.9 MB file (270,000 rows), under the size limit', outcome: 'refused', text: () => ROW.repeat(Math.floor(4_900_000 / ROW.length)) },
  atTheLimits: { name: '4.9 MB file of 10,000 rows, at the limits', outcome: 'previewed', text: () => atTheLimits(10_000, 4_900_000) },
  deepJson: { name: 'JSON nested 20,000 deep', outcome: 'refused', text: () => `${'['.repeat(20_000)}${']'.repeat(20_000)}` },
} as const satisfies Record<string, ImportInput>;

export type ImportInputName = keyof typeof IMPORT_INPUTS;
