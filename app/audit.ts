/** One line of the audit trail: who tried which change where, and what Windows answered. */
import { z } from 'zod';
import { Family, LuidString } from './model';

export const AuditRecord = z.object({
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
  /** 0 (NO_ERROR) on success, else the Win32 code. */
  resultCode: z.number().int(),
  result: z.string(),
});

export type AuditRecord = z.infer<typeof AuditRecord>;

export const AUDIT_LOG_FILE = 'audit.jsonl';

export const AUDIT_PAGE_MAX = 10_000;

export const AuditLogPage = z.object({
  /** Newest first. */
  records: z.array(AuditRecord),
  /** Lines that were not audit records (a line torn by a crash, say). */
  skippedLines: z.number().int().min(0),
  /** Records in the file before the page limit. */
  total: z.number().int().min(0),
  /** Where the log lives, so a technician can collect it. */
  path: z.string(),
});

export type AuditLogPage = z.infer<typeof AuditLogPage>;
