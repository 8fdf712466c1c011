/**
 * How the crash tests' writer processes report progress: straight to the stdout pipe,
 * synchronously, so nothing reported is still queued in the process when it is killed.
 */
import { writeSync } from 'node:fs';

export function report(line: string): void {
  const bytes = Buffer.from(`${line}\n`);
  for (let sent = 0; sent < bytes.length; ) {
    try {
      sent += writeSync(1, bytes, sent);
    } catch (fault) {
      // The pipe is non-blocking; a full one is drained by the parent in a moment.
      if ((fault as NodeJS.ErrnoException).code !== 'EAGAIN') throw fault;
    }
  }
}
