/**
 * A large audit history for the benchmark, written fast: realistic intent and outcome
 * lines built once into a 4 MB block, and the block written again and again with one
 * write call each.
 */
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';

const BLOCK_BYTES = 4 * 1024 * 1024;

/** Appends about `bytes` of history to `path`; returns the bytes written. */
export function writeHistory(path: string, bytes: number): number {
  const lines: string[] = [];
  let size = 0;
  for (let n = 0; size < BLOCK_BYTES; n++) {
    const id = `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
    const time = new Date(Date.UTC(2025, 0, 1) + n * 1000).toISOString();
    const intent = JSON.stringify({
      kind: 'intent', id, time, user: 'CONTOSO\\tech1', machine: 'PC-HELPDESK-07', backend: 'windows',
      operation: n % 2 ? 'delete' : 'create', address: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`, family: 'ipv4',
      interfaceLuid: '1688849877041152', interfaceIndex: 12, interfaceLabel: 'Ethernet (index 12)',
    });
    const outcome = JSON.stringify({ kind: 'outcome', id, time, resultCode: n % 7 ? 0 : 5010, result: n % 7 ? 'NO_ERROR' : 'ERROR_OBJECT_ALREADY_EXISTS' });
    const pair = `${intent}\n${outcome}\n`;
    lines.push(pair);
    size += Buffer.byteLength(pair);
  }
  const block = Buffer.from(lines.join(''));
  const fd = openSync(path, 'a');
  let written = 0;
  try {
    while (written < bytes) {
      for (let at = 0; at < block.length; ) at += writeSync(fd, block, at);
      written += block.length;
    }
  } finally {
    closeSync(fd);
  }
  return written;
}

/** The cursor of the line that starts nearest the middle of the file: a page from deep in the history. */
export async function midpointCursor(path: string): Promise<{ file: string; offset: number }> {
  const info = statSync(path, { bigint: true });
  const middle = Number(info.size) >> 1;
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, middle);
    const newline = buffer.subarray(0, bytesRead).indexOf(0x0a);
    if (newline < 0) throw new Error('no line end near the middle of the history');
    return { file: info.ino.toString(), offset: middle + newline + 1 };
  } finally {
    await handle.close();
  }
}
