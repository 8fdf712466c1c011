/**
 * Child process of the audit append crash test: appends numbered records until it is
 * killed, through the audit log's appender, through the audit log itself rotating at a
 * small cap ('rotating <cap bytes> <rotated files kept>': each record is an intent whose
 * id is its number), or (as the control) a buffered write stream. Prints "wrote N" after
 * each append has returned. Bundled with esbuild at test time.
 */
import { createWriteStream } from 'node:fs';
import { AuditLog } from '../../main/audit/audit-log';
import { JsonLinesAppender } from '../../main/storage/durable-append';
import { report } from './child-report';

const [target = '', mode = 'durable', rotateAtBytes = '0', keepRotated = '0'] = process.argv.slice(2);
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

/** Yields between batches so the kill timer in the parent and the stream's writes can run. */
function appendInBatches(): void {
  const append = appender();
  report('ready');
  let n = 0;
  const batch = () => {
    for (let i = 0; i < 50; i++) {
      n += 1;
      append({ n, note });
      report(`wrote ${n}`);
    }
    setImmediate(batch);
  };
  batch();
}

/** As the service writes: a rotation check before each intent. */
async function appendRotating(): Promise<void> {
  const log = new AuditLog(target, { rotateAtBytes: Number(rotateAtBytes), keepRotated: Number(keepRotated) });
  report('ready');
  for (let n = 1; ; n++) {
    await log.rotateIfFull();
    log.writeIntent({
      kind: 'intent', id: String(n), time: new Date().toISOString(), user: note, machine: 'PC', backend: 'simulated',
      operation: 'create', address: '192.0.2.1', family: 'ipv4', interfaceLuid: '1', interfaceIndex: 1, interfaceLabel: 'Ethernet (index 1)',
    });
    report(`wrote ${n}`);
  }
}

if (mode === 'rotating') void appendRotating();
else appendInBatches();
