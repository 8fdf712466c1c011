/**
 * The audit trail's files: lines appended durably (see durable-append.ts) to the current
 * file, which rotates at a size cap, keeping a bounded number of older files; pages read
 * from the end (see audit-reader.ts).
 */
import type { AuditIntent, AuditOutcome, AuditPageRequest } from '../../app/audit';
import { JsonLinesAppender } from '../storage/durable-append';
import { readAuditPage, type PageRead } from './audit-reader';
import { currentSize, logFiles, rotate } from './log-generations';

export const AUDIT_ROTATE_AT_BYTES = 10 * 1024 * 1024;
export const AUDIT_KEEP_ROTATED = 5;

export interface AuditLogLimits {
  /** The current file is rotated before an intent once it has reached this size. */
  rotateAtBytes?: number;
  /** Rotated files kept; the oldest beyond this is deleted. */
  keepRotated?: number;
}

export class AuditLog {
  private readonly lines: JsonLinesAppender;
  private readonly rotateAtBytes: number;
  private readonly keepRotated: number;

  constructor(
    readonly path: string,
    { rotateAtBytes = AUDIT_ROTATE_AT_BYTES, keepRotated = AUDIT_KEEP_ROTATED }: AuditLogLimits = {},
  ) {
    this.lines = new JsonLinesAppender(path);
    this.rotateAtBytes = rotateAtBytes;
    this.keepRotated = keepRotated;
  }

  /**
   * Starts a new current file when this one has reached the cap. Called before an intent,
   * never between an intent and its outcome, so one change's lines share a file.
   */
  async rotateIfFull(): Promise<void> {
    // The file system is asked only until the file is open; after that the appender counts what it wrote.
    if ((this.lines.openSize() ?? (await currentSize(this.lines.path))) < this.rotateAtBytes) return;
    await this.lines.flush();
    this.lines.close();
    await rotate(this.lines.path, this.keepRotated);
  }

  /** The line is in the file when this returns; throws when it cannot be written. */
  writeIntent(intent: AuditIntent): void {
    this.lines.append(intent);
  }

  /** The line is in the file when this returns; throws when it cannot be written. */
  writeOutcome(outcome: AuditOutcome): void {
    this.lines.append(outcome);
  }

  /** Resolves once every appended line is on the device. */
  flush(): Promise<void> {
    return this.lines.flush();
  }

  /** Syncs and releases the file when the app quits. */
  close(): void {
    this.lines.close();
  }

  async read(request: AuditPageRequest): Promise<PageRead> {
    return readAuditPage(await logFiles(this.lines.path, this.keepRotated), request);
  }
}
