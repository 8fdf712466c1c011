/**
 * The audit trail. Each change writes two lines: its intent (who tries which change
 * where) before Windows is asked, and its outcome (what Windows answered) after. A
 * reader joins them into one record per change; an intent with no outcome is a change
 * whose result is not on record (the outcome could not be written, or the app stopped).
 */
import { z } from 'zod';
import { Family, LuidString } from './model';

const Change = {
  time: z.string(),
  user: z.string(),
  machine: z.string(),
  backend: z.enum(['windows', 'simulated']),
  operation: z.enum(['create', 'delete']),
  address: z.string(),
  family: Family,
  interfaceLuid: LuidString,
  interfaceIndex: z.number().int().min(0),
  interfaceLabel: z.string(),
};

/** Joins an intent to its outcome; unique per change. */
const ChangeId = z.string().min(1).max(64);

/** Written before the backend call: without it, the change is not made. */
export const AuditIntent = z.object({ kind: z.literal('intent'), id: ChangeId, ...Change });

/** Written after the backend call. */
export const AuditOutcome = z.object({
  kind: z.literal('outcome'),
  id: ChangeId,
  time: z.string(),
  /** 0 (NO_ERROR) on success, else the Win32 code. */
  resultCode: z.number().int(),
  result: z.string(),
});

/** A line as earlier versions wrote it, after the call: the change and its result together. */
export const CombinedAuditLine = z.object({ ...Change, resultCode: z.number().int(), result: z.string() });

/** One change as a person reads it: the attempt and, when it is on record, its result. */
export const AuditRecord = z.object({
  ...Change,
  /** null: the attempt is on record and its outcome is not. */
  resultCode: z.number().int().nullable(),
  result: z.string().nullable(),
});

export type AuditIntent = z.infer<typeof AuditIntent>;
export type AuditOutcome = z.infer<typeof AuditOutcome>;
export type CombinedAuditLine = z.infer<typeof CombinedAuditLine>;
export type AuditRecord = z.infer<typeof AuditRecord>;

export const AUDIT_LOG_FILE = 'audit.jsonl';

export const AUDIT_PAGE_MAX = 10_000;

/** Records the viewer asks for per page: the first page stays quick to read and render whatever the log's size. */
export const AUDIT_VIEWER_PAGE = 1_000;

/**
 * Where the next older page ends: a file of the log (its file system identity, which a
 * rotation keeps) and the byte offset of the first line already shown from it.
 */
export const AuditCursor = z
  .object({
    file: z.string().regex(/^[0-9]{1,20}$/, 'A log file is named by its decimal file id.'),
    offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  })
  .strict();

export type AuditCursor = z.infer<typeof AuditCursor>;

export const AuditPageRequest = z
  .object({
    limit: z.number().int().min(1).max(AUDIT_PAGE_MAX),
    /** Absent for the newest page; else the `older` cursor of the page before. */
    before: AuditCursor.optional(),
  })
  .strict();

export type AuditPageRequest = z.infer<typeof AuditPageRequest>;

export const AuditLogPage = z.object({
  /**
   * Newest first: `limit` records while the log has them (a few more only where two
   * writers' lines interleave at the page's end).
   */
  records: z.array(AuditRecord),
  /** Lines on this page that were not audit records (a line torn by a crash, say). */
  skippedLines: z.number().int().min(0),
  /** The cursor for the next older page, or null when this page reached the oldest record kept. */
  older: AuditCursor.nullable(),
  /** Where the log lives, so a technician can collect it. */
  path: z.string(),
});

export type AuditLogPage = z.infer<typeof AuditLogPage>;
