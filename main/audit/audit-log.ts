/**
 * The audit trail: one JSON line per change attempt, successful or not, appended
 * durably so a crash loses at most the line being written (see durable-append.ts).
 * Reading skips a torn or foreign line instead of failing the whole log.
 */
import { AuditRecord } from '../../app/audit';
import { JsonLinesAppender } from '../storage/durable-append';
import { readFileNoFollow } from '../storage/no-follow';

export interface AuditLogPage {
  /** Newest first. */
  records: AuditRecord[];
  /** Lines that were not audit records (a line torn by a crash, say). */
  skippedLines: number;
  /** Records in the file, before `limit` was applied. */
  total: number;
}

export class AuditLog {
  private readonly lines: JsonLinesAppender;

  constructor(readonly path: string) {
    this.lines = new JsonLinesAppender(path);
  }

  /** The record is in the file when this returns; it reaches the device shortly after. */
  append(record: AuditRecord): void {
    this.lines.append(record);
  }

  /** Resolves once every appended record is on the device. */
  flush(): Promise<void> {
    return this.lines.flush();
  }

  /** Syncs and releases the file when the app quits. */
  close(): void {
    this.lines.close();
  }

  async read(limit: number): Promise<AuditLogPage> {
    let text: string;
    try {
      text = await readFileNoFollow(this.path);
    } catch (fault) {
      if ((fault as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], skippedLines: 0, total: 0 };
      throw fault;
    }
    const records: AuditRecord[] = [];
    let skippedLines = 0;
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      const parsed = parseLine(line);
      if (parsed) records.push(parsed);
      else skippedLines += 1;
    }
    return { records: records.slice(-limit).reverse(), skippedLines, total: records.length };
  }
}

function parseLine(line: string): AuditRecord | undefined {
  try {
    const result = AuditRecord.safeParse(JSON.parse(line));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}
