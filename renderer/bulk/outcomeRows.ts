/** Preview rows and apply results in the words and colours the outcome table shows. */
import type { ApplyPlan, PlanStatus } from '../../app/apply-plan';
import type { ApplyStatus, ApplySummary } from '../../app/apply-summary';
import { interfaceLabel } from '../../app/model';
import type { OutcomeRow, OutcomeTone } from './OutcomeTable';

const PREVIEW_WORDS: Readonly<Record<PlanStatus, { status: string; tone: OutcomeTone }>> = {
  ready: { status: 'Ready', tone: 'brand' },
  'already-present': { status: 'Already present', tone: 'informative' },
  repeated: { status: 'Repeated in this list', tone: 'warning' },
  invalid: { status: 'Invalid', tone: 'danger' },
};

const APPLY_WORDS: Readonly<Record<ApplyStatus, { status: string; tone: OutcomeTone }>> = {
  added: { status: 'Added', tone: 'success' },
  'already-present': { status: 'Already present', tone: 'informative' },
  failed: { status: 'Failed', tone: 'danger' },
  skipped: { status: 'Skipped', tone: 'warning' },
};

export function previewOutcomeRows(preview: ApplyPlan): OutcomeRow[] {
  return preview.rows.map((row) => ({
    key: row.row,
    location: row.location,
    raw: row.raw,
    ...(row.address === undefined ? {} : { address: row.address }),
    ...(row.interface === undefined ? {} : { interfaceLabel: interfaceLabel(row.interface) }),
    ...PREVIEW_WORDS[row.status],
    ...(row.status === 'ready' ? {} : { reason: row.reason }),
    warnings: row.warnings,
  }));
}

export function resultOutcomeRows(summary: ApplySummary): OutcomeRow[] {
  return summary.rows.map((row) => ({
    key: row.row,
    location: row.location,
    raw: row.raw,
    ...(row.address === undefined ? {} : { address: row.address }),
    ...(row.interfaceLabel === undefined ? {} : { interfaceLabel: row.interfaceLabel }),
    ...APPLY_WORDS[row.status],
    ...(row.reason === undefined ? {} : { reason: row.reason }),
    warnings: row.warning === undefined ? [] : [row.warning],
  }));
}

const join = (parts: Array<[number, string]>) =>
  parts
    .filter(([n]) => n > 0)
    .map(([n, words]) => `${n.toLocaleString('en-US')} ${words}`)
    .join(' · ');

export function previewCountsText(counts: ApplyPlan['counts']): string {
  return join([
    [counts.ready, 'ready'],
    [counts['already-present'], 'already present'],
    [counts.repeated, 'repeated'],
    [counts.invalid, 'invalid'],
  ]) || 'No rows yet';
}

export function resultCountsText(counts: ApplySummary['counts']): string {
  return join([
    [counts.added, 'added'],
    [counts['already-present'], 'already present'],
    [counts.failed, 'failed'],
    [counts.skipped, 'skipped'],
  ]) || 'Nothing to do';
}
