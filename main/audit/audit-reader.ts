/**
 * Reads one page of the audit trail from the end: newest file first, each from its end
 * backwards, joining every outcome line to the intent line written before it. Only the
 * lines of the page are read, whatever the size of the log.
 */
import { AuditIntent, AuditOutcome, CombinedAuditLine, type AuditCursor, type AuditLogPage, type AuditPageRequest, type AuditRecord } from '../../app/audit';
import { linesBackward } from '../storage/lines-backward';
import type { LogFile } from './log-generations';
import { openNoFollow } from '../storage/no-follow';

/**
 * An outcome is written right after its intent; lines of another writer (a second
 * elevated session on the same computer) can come between. One whose intent is not
 * found within this many lines is left out as unreadable.
 */
const PAIRING_WINDOW_LINES = 64;

/** The page the contract replies with, less the log's path, which the service adds. */
export type PageRead = ({ ok: true } & Omit<AuditLogPage, 'path'>) | { ok: false; reason: string };

type Line =
  | { kind: 'intent'; intent: AuditIntent }
  | { kind: 'outcome'; outcome: AuditOutcome }
  | { kind: 'combined'; record: CombinedAuditLine }
  | { kind: 'blank' }
  | { kind: 'unreadable' };

/** `files` newest first, as logFiles() lists them. */
export async function readAuditPage(files: readonly LogFile[], request: AuditPageRequest): Promise<PageRead> {
  const start = await startOf(files, request.before);
  if (!start.ok) return start;
  const records: AuditRecord[] = [];
  let skippedLines = 0;
  let lineNumber = 0;
  const pending = new Map<string, { outcome: AuditOutcome; line: number }>();
  const dropStale = () => {
    for (const [id, entry] of pending) {
      if (lineNumber - entry.line <= PAIRING_WINDOW_LINES) continue;
      pending.delete(id);
      skippedLines += 1;
    }
  };

  for (let index = start.index; index < files.length; index++) {
    const file = files[index]!;
    const handle = await openNoFollow(file.path);
    try {
      for await (const { start: lineStart, bytes } of linesBackward(handle, index === start.index ? start.offset : file.size)) {
        lineNumber += 1;
        const line = bytes ? parseLine(bytes) : ({ kind: 'unreadable' } as const);
        if (line.kind === 'unreadable') skippedLines += 1;
        else if (line.kind === 'combined') records.push(line.record);
        else if (line.kind === 'outcome') {
          if (pending.has(line.outcome.id)) skippedLines += 1;
          pending.set(line.outcome.id, { outcome: line.outcome, line: lineNumber });
        } else if (line.kind === 'intent') {
          const outcome = pending.get(line.intent.id)?.outcome;
          pending.delete(line.intent.id);
          records.push(recordOf(line.intent, outcome));
        }
        dropStale();
        if (records.length >= request.limit && pending.size === 0) {
          const older = lineStart > 0 || index < files.length - 1 ? { file: file.id, offset: lineStart } : null;
          return { ok: true, records, skippedLines, older };
        }
      }
    } finally {
      await handle.close();
    }
  }
  return { ok: true, records, skippedLines: skippedLines + pending.size, older: null };
}

/** Where a page starts: the end of the current file, or the cursor's place, which must still be in the log. */
async function startOf(
  files: readonly LogFile[],
  cursor: AuditCursor | undefined,
): Promise<{ ok: true; index: number; offset: number } | { ok: false; reason: string }> {
  if (!cursor) return { ok: true, index: 0, offset: files[0]?.size ?? 0 };
  const index = files.findIndex((file) => file.id === cursor.file);
  if (index < 0) {
    return { ok: false, reason: 'The older records were removed from the log while it was open (the log keeps a bounded number of files). Open the log again.' };
  }
  const file = files[index]!;
  if (cursor.offset > file.size || !(await startsLine(file.path, cursor.offset))) {
    return { ok: false, reason: 'The page asked for does not start at a record of the log. Open the log again.' };
  }
  return { ok: true, index, offset: cursor.offset };
}

async function startsLine(path: string, offset: number): Promise<boolean> {
  if (offset === 0) return true;
  const handle = await openNoFollow(path);
  try {
    const byte = Buffer.alloc(1);
    const { bytesRead } = await handle.read(byte, 0, 1, offset - 1);
    return bytesRead === 1 && byte[0] === 0x0a;
  } finally {
    await handle.close();
  }
}

function parseLine(bytes: Buffer): Line {
  const text = bytes.toString('utf8');
  if (text.trim() === '') return { kind: 'blank' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'unreadable' };
  }
  const kind = typeof value === 'object' && value !== null ? (value as { kind?: unknown }).kind : undefined;
  if (kind === 'intent') {
    const intent = AuditIntent.safeParse(value);
    return intent.success ? { kind: 'intent', intent: intent.data } : { kind: 'unreadable' };
  }
  if (kind === 'outcome') {
    const outcome = AuditOutcome.safeParse(value);
    return outcome.success ? { kind: 'outcome', outcome: outcome.data } : { kind: 'unreadable' };
  }
  const combined = kind === undefined ? CombinedAuditLine.safeParse(value) : undefined;
  return combined?.success ? { kind: 'combined', record: combined.data } : { kind: 'unreadable' };
}

function recordOf({ kind: _kind, id: _id, ...change }: AuditIntent, outcome: AuditOutcome | undefined): AuditRecord {
  return { ...change, resultCode: outcome?.resultCode ?? null, result: outcome?.result ?? null };
}
