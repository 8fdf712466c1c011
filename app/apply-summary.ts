/**
 * What became of each row of an applied plan. The caller sends the ready rows one by one
 * and hands the outcomes here, so a partial failure still shows every row that worked.
 */
import type { ApplyPlan, PlanRow } from './apply-plan';
import { interfaceLabel, type AppError } from './model';
import { ERROR_OBJECT_ALREADY_EXISTS } from './win32-errors';

/** What createAnycast answered for one row; a full Reply<'createAnycast'> fits. */
export type CreateOutcome =
  | { ok: true; warning?: Pick<AppError, 'title' | 'what'> }
  | { ok: false; error: Pick<AppError, 'code' | 'symbol' | 'title' | 'what'> };

/** 'skipped' rows were never sent: invalid or repeated in the plan, or the apply stopped first. */
export type ApplyStatus = 'added' | 'already-present' | 'failed' | 'skipped';

export interface ApplyRowResult {
  row: number;
  location: string;
  raw: string;
  status: ApplyStatus;
  address?: string;
  interfaceLabel?: string;
  reason?: string;
  /** Added, and something about it needs attention (its outcome is not on record, say). */
  warning?: string;
}

export interface ApplySummary {
  rows: ApplyRowResult[];
  counts: Record<ApplyStatus, number>;
}

function applyResult(row: PlanRow, outcome: CreateOutcome | undefined): Omit<ApplyRowResult, 'row' | 'location' | 'raw' | 'address' | 'interfaceLabel'> {
  if (outcome?.ok === true) {
    const { warning } = outcome;
    return warning ? { status: 'added', warning: `${warning.title}: ${warning.what}` } : { status: 'added' };
  }
  if (outcome !== undefined) {
    const { code, symbol, title, what } = outcome.error;
    if (code === ERROR_OBJECT_ALREADY_EXISTS) return { status: 'already-present', reason: 'Windows already had this entry; nothing changed.' };
    return { status: 'failed', reason: `${title} (${code} ${symbol}): ${what}` };
  }
  if (row.status === 'already-present') return { status: 'already-present', reason: row.reason };
  if (row.status === 'invalid' || row.status === 'repeated') return { status: 'skipped', reason: `Not sent: ${row.reason}` };
  return { status: 'skipped', reason: 'Not sent: the import stopped before this row.' };
}

/** Every row of the plan with what became of it; outcomes are keyed by PlanRow.row. */
export function summariseApply(plan: ApplyPlan, outcomes: ReadonlyMap<number, CreateOutcome>): ApplySummary {
  const counts: Record<ApplyStatus, number> = { added: 0, 'already-present': 0, failed: 0, skipped: 0 };
  const rows = plan.rows.map((row): ApplyRowResult => {
    const result = applyResult(row, outcomes.get(row.row));
    counts[result.status]++;
    return {
      row: row.row,
      location: row.location,
      raw: row.raw,
      ...(row.address === undefined ? {} : { address: row.address }),
      ...(row.interface === undefined ? {} : { interfaceLabel: interfaceLabel(row.interface) }),
      ...result,
    };
  });
  return { rows, counts };
}
