/**
 * Child process of the audit append crash test: appends numbered records until it is
 * killed, through the audit log's appender or (as the control) a buffered write stream.
 * Prints "wrote N" after each append has returned. Bundled with esbuild at test time.
 */
import { createWriteStream } from 'node:fs';
import { JsonLinesAppender } from '../../main/storage/durable-append';
import { report } from './child-report';

const [target = '', mode = 'durable'] = process.argv.slice(2);
// A record about the size of a real audit line.
const note = 'x'.repeat(200);

function appender(): (record: unknown) => void {
  if (mode === 'buffered') {
    const stream = createWriteStream(target, { flags: 'a' });
    return (record) => stream.write(`${JSON.stringify(record)}\n`);
  }
  const log = new JsonLinesAppender(target);
  return (record) => log.append(record);
}

const append = appender();
report('ready');
let n = 0;
// Yields between batches so the kill timer in the parent and the stream's writes can run.
const batch = () => {
  for (let i = 0; i < 50; i++) {
    n += 1;
    append({ n, note });
    report(`wrote ${n}`);
  }
  setImmediate(batch);
};
batch();
