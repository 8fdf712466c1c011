/**
 * Timing and number formatting for the benchmarks. Every figure reported is the
 * median of repeated samples: one slow sample (a GC pause, the other core busy)
 * moves a median far less than a mean.
 */

export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('median of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Milliseconds since the process started, with sub-microsecond resolution. */
export function nowMs(): number {
  return performance.now();
}

/** Milliseconds one run of `fn` takes, once per sample, after `warmup` unrecorded runs (JIT, caches). */
export async function timeRuns(samples: number, fn: () => unknown, warmup = 2): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = nowMs();
    await fn();
    times.push(nowMs() - start);
  }
  return times;
}

/** How many calls of `fn` fill about `targetMs`, so one sample is long enough for the clock and short enough to repeat. */
async function callsPerSample(fn: () => unknown, targetMs: number): Promise<number> {
  let calls = 1;
  for (;;) {
    const start = nowMs();
    for (let i = 0; i < calls; i++) await fn();
    const elapsed = nowMs() - start;
    if (elapsed >= targetMs / 4 || calls >= 1 << 20) return Math.max(1, Math.round((calls * targetMs) / Math.max(elapsed, 1e-3)));
    calls *= 4;
  }
}

/**
 * Per-call milliseconds of two functions, sampled in turn (a, b, a, b...) so that drift
 * in the machine's speed over the run lands on both alike.
 */
export async function comparePerCall(
  a: () => unknown,
  b: () => unknown,
  options: { samples: number; targetMs: number },
): Promise<{ a: number[]; b: number[] }> {
  const callsA = await callsPerSample(a, options.targetMs);
  const callsB = await callsPerSample(b, options.targetMs);
  const result = { a: [] as number[], b: [] as number[] };
  for (let s = 0; s < options.samples; s++) {
    result.a.push(await perCall(a, callsA));
    result.b.push(await perCall(b, callsB));
  }
  return result;
}

async function perCall(fn: () => unknown, calls: number): Promise<number> {
  const start = nowMs();
  for (let i = 0; i < calls; i++) await fn();
  return (nowMs() - start) / calls;
}

export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 1) return `${ms.toFixed(ms >= 100 ? 0 : ms >= 10 ? 1 : 2)} ms`;
  if (ms >= 0.001) return `${(ms * 1000).toFixed(ms >= 0.1 ? 0 : ms >= 0.01 ? 1 : 2)} µs`;
  return `${(ms * 1e6).toFixed(0)} ns`;
}

export function formatRate(perSecond: number, unit: string): string {
  if (perSecond >= 1e9) return `${(perSecond / 1e9).toFixed(2)} G ${unit}/s`;
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)} M ${unit}/s`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)} k ${unit}/s`;
  return `${perSecond.toFixed(0)} ${unit}/s`;
}

/** Decimal units (1 kB = 1000 bytes), as Vite reports chunk sizes, so the two can be compared. */
export function formatBytes(bytes: number): string {
  if (Math.abs(bytes) >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (Math.abs(bytes) >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${bytes} B`;
}

/** "12.3x", with fewer decimals as the number grows. */
export function formatTimes(ratio: number): string {
  return `${ratio >= 100 ? ratio.toFixed(0) : ratio >= 10 ? ratio.toFixed(1) : ratio.toFixed(2)}x`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
