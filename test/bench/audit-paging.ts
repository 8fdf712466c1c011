/**
 * 6. The audit log viewer: its first page (and a page from the middle) over 1 GB of
 * history, the size a log reaches when nothing rotates it (a log from a version without
 * rotation); with rotation the log is at most 60 MB. Read in a fresh process, which
 * reports its peak memory.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUDIT_LOG_FILE, AUDIT_VIEWER_PAGE } from '../../app/audit';
import { writeHistory } from './audit-history';
import type { Measurement } from './report';
import { formatBytes, formatCount, formatMs, median, nowMs } from './stats';

export const AUDIT_SECTION = '7. The audit log viewer';
const HISTORY_BYTES = 1024 * 1024 * 1024;
const SAMPLES = 10;
const GOAL_MS = 1000;

interface ChildResult {
  first: { ms: number; records: number };
  newest: number[];
  middle: number[];
  freshPeakBytes: number;
  peakBytes: number;
  heapUsed: number;
}

export function benchAuditPaging(childScript: string): Measurement[] {
  const dir = mkdtempSync(join(tmpdir(), 'anycast-bench-audit-'));
  try {
    const start = nowMs();
    const bytes = writeHistory(join(dir, AUDIT_LOG_FILE), HISTORY_BYTES);
    const writeMs = nowMs() - start;
    const child = spawnSync(process.execPath, [childScript, dir, String(SAMPLES), String(AUDIT_VIEWER_PAGE)], { encoding: 'utf8', timeout: 300_000 });
    if (child.status !== 0) throw new Error(`the audit viewer probe failed: ${child.stderr || child.error?.message}`);
    const result = JSON.parse(child.stdout) as ChildResult;
    if (result.first.records !== AUDIT_VIEWER_PAGE) throw new Error(`the first page held ${result.first.records} records, not ${AUDIT_VIEWER_PAGE}`);
    const page = `${formatCount(AUDIT_VIEWER_PAGE)} records`;
    const row = (name: string, value: string, data: Record<string, unknown>, goal?: { ms: number }): Measurement => ({
      section: AUDIT_SECTION,
      name,
      value,
      baseline: '',
      ratio: '',
      goal: goal ? `< ${formatMs(GOAL_MS)}` : '',
      ...(goal ? { met: goal.ms < GOAL_MS } : {}),
      data,
    });
    return [
      row(`writing the history (${formatBytes(bytes)}, one file)`, `${formatMs(writeMs)} (${formatBytes(bytes / (writeMs / 1000))}/s)`, { bytes, writeMs }),
      row(`first page (${page}), first read in a fresh process`, formatMs(result.first.ms), { ms: result.first.ms }, { ms: result.first.ms }),
      row(`first page (${page}), repeated`, formatMs(median(result.newest)), { samples: result.newest }, { ms: median(result.newest) }),
      row(`a page from the middle (${page})`, formatMs(median(result.middle)), { samples: result.middle }),
      row('  peak memory of that process (RSS)', formatBytes(result.peakBytes), { ...result, fresh: result.freshPeakBytes }),
      row('  for comparison: a fresh Node process', formatBytes(result.freshPeakBytes), {}),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
