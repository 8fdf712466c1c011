/**
 * The benchmark's output: one aligned table on stdout and the same results, with every
 * sample and the machine they were taken on, as JSON under bench-results/. Goals are
 * reported as met or missed; a missed goal never fails the run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, totalmem, arch } from 'node:os';
import { join } from 'node:path';

export interface Measurement {
  section: string;
  name: string;
  /** Formatted for the table; the numbers behind it are in `data`. */
  value: string;
  /** What the value is compared with, named and formatted; '' when nothing. */
  baseline: string;
  ratio: string;
  /** '' when the measurement has no goal (it explains another one). */
  goal: string;
  met?: boolean;
  data: Record<string, unknown>;
}

/** A section that could not be measured: reported in place of its rows, and the run exits non-zero. */
export interface SectionFailure {
  section: string;
  error: string;
}

export interface BenchReport {
  machine: ReturnType<typeof machineInfo>;
  /** In the order they ran, which is the order they are printed in. */
  sections: string[];
  measurements: Measurement[];
  failures: SectionFailure[];
  notes: string[];
}

export function machineInfo() {
  const cpu = cpus();
  return {
    os: `${platform()} ${release()} ${arch()}`,
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryBytes: totalmem(),
    node: process.version,
    date: new Date().toISOString(),
  };
}

const COLUMNS = [
  { title: 'measurement', get: (m: Measurement) => m.name },
  { title: 'value', get: (m: Measurement) => m.value },
  { title: 'baseline', get: (m: Measurement) => m.baseline },
  { title: 'ratio', get: (m: Measurement) => m.ratio },
  { title: 'goal', get: (m: Measurement) => m.goal },
  { title: 'met?', get: (m: Measurement) => (m.met === undefined ? '' : m.met ? 'yes' : 'MISS') },
] as const;

export function formatTable(report: BenchReport): string {
  const widths = COLUMNS.map((c) => Math.max(c.title.length, ...report.measurements.map((m) => c.get(m).length)));
  const line = (cells: readonly string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const out = [line(COLUMNS.map((c) => c.title)), rule];
  for (const section of report.sections) {
    out.push('', section);
    for (const m of report.measurements.filter((x) => x.section === section)) out.push(line(COLUMNS.map((c) => c.get(m))));
    // The first line only (Playwright appends a call log); the JSON has all of it.
    for (const f of report.failures.filter((x) => x.section === section)) out.push(`  NOT MEASURED: ${f.error.split('\n')[0]}`);
  }
  const goals = report.measurements.filter((m) => m.met !== undefined);
  const unmeasured = report.failures.length ? ` (${report.failures.length} part(s) not measured)` : '';
  out.push('', `Goals met: ${goals.filter((m) => m.met).length} of ${goals.length}${unmeasured}.`);
  if (report.notes.length) out.push('', ...report.notes.map((n) => `- ${n}`));
  return out.join('\n');
}

/** Writes bench-results/bench-<timestamp>.json and returns its path. */
export function writeJson(report: BenchReport, resultsDir: string): string {
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `bench-${report.machine.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
