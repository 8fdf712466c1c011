/**
 * Child process of the crash test: rewrites one file with ever-newer generations
 * until it is killed, atomically or (as the control) with a plain writeFile.
 * Prints "wrote N" after each completed write. Bundled with esbuild at test time.
 */
import { writeFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../main/storage/atomic-write';
import { checksumOf, makeDocument, makePayload } from './crash-document';

const [target = '', mode = 'atomic', bytes = '8000000'] = process.argv.slice(2);
const write = mode === 'plain' ? (path: string, data: string) => writeFile(path, data) : writeFileAtomic;
const payloads = [makePayload(Number(bytes), 1), makePayload(Number(bytes), 2)];
const checksums = payloads.map(checksumOf);

async function main(): Promise<void> {
  process.stdout.write('ready\n');
  for (let generation = 1; ; generation++) {
    const pick = generation % 2;
    await write(target, makeDocument(generation, payloads[pick]!, checksums[pick]));
    process.stdout.write(`wrote ${generation}\n`);
  }
}

void main();
