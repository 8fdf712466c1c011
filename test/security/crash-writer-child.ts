/**
 * Child process of the crash test: rewrites one file with ever-newer generations,
 * counting up from `first`, until it is killed, atomically or (as the control) with
 * a plain writeFile. Prints "wrote N" after each completed write. Bundled with esbuild
 * at test time.
 */
import { writeFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../main/storage/atomic-write';
import { report } from './child-report';
import { checksumOf, makeDocument, makePayload } from './crash-document';

const [target = '', mode = 'atomic', bytes = '8000000', first = '1'] = process.argv.slice(2);
const write = mode === 'plain' ? (path: string, data: string) => writeFile(path, data) : writeFileAtomic;
const payloads = [makePayload(Number(bytes), 1), makePayload(Number(bytes), 2)];
const checksums = payloads.map(checksumOf);

async function main(): Promise<void> {
  report('ready');
  for (let generation = Number(first); ; generation++) {
    const pick = generation % 2;
    await write(target, makeDocument(generation, payloads[pick]!, checksums[pick]));
    report(`wrote ${generation}`);
  }
}

void main();
