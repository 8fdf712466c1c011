/**
 * 4. Rendering: in Debian's Chromium, the time from the anycast data reaching the page to
 * a painted table, for 100, 1,000 and 10,000 rows. The built renderer (dist/renderer) runs
 * against the preview server and the real service over a simulated backend of that size.
 *
 * The renderer is not modified and is changing under other hands, so the page is watched
 * only through stable things: the /api/getSnapshot reply that carries the rows, and a
 * table whose accessible name starts with "Anycast addresses". Each sample is a fresh page
 * load, where the table goes from no rows to rows: an unambiguous change to wait for.
 */
import { chromium, type Browser } from '@playwright/test';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SimulatedBackend } from '../../main/backends/simulated/simulated-backend';
import { startPreviewServer } from '../../main/preview/preview-server';
import { AnycastService } from '../../main/service/anycast-service';
import { testServiceOptions } from '../support/service-options';
import type { Measurement } from './report';
import { formatCount, formatMs, formatTimes, median } from './stats';

export const RENDERING_SECTION = '4. Rendering (data -> painted table)';
const SIZES = [100, 1_000, 10_000] as const;
/** Few interfaces, the same for every size, so only the anycast table grows. */
const INTERFACES = 16;
const WARMUP_LOADS = 2;
const SAMPLES = 9;
const GOAL = 2;
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** What the page-side watcher records, in the page's performance.now() milliseconds. */
interface TableTiming {
  /** When the page's own read of each data reply's body resolved. */
  replies: Record<string, number>;
  rowsAt?: number;
  paintedAt?: number;
  /** Data rows in the DOM when they first appeared (fewer than the data when virtualised). */
  domRows?: number;
  ariaRowCount?: string | null;
}

interface SizeResult {
  rows: number;
  samples: number[];
  domRows: number | undefined;
  ariaRowCount: string | null | undefined;
}

export async function benchRendering(rendererDir: string): Promise<Measurement[]> {
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build` first');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const results: SizeResult[] = [];
    for (const rows of SIZES) results.push(await measureSize(browser, rendererDir, rows));
    const smallest = median(results[0]!.samples);
    return results.map((result, i) => {
      const ms = median(result.samples);
      const isLargest = i === results.length - 1;
      return {
        section: RENDERING_SECTION,
        name: `${formatCount(result.rows)} anycast rows (${result.domRows ?? '?'} in the DOM)`,
        value: formatMs(ms),
        baseline: i === 0 ? '' : `${formatCount(results[0]!.rows)} rows ${formatMs(smallest)}`,
        ratio: i === 0 ? '' : formatTimes(ms / smallest),
        goal: isLargest ? `<= ${GOAL}x ${formatCount(results[0]!.rows)} rows` : '',
        met: isLargest ? ms / smallest <= GOAL : undefined,
        data: { ...result, medianMs: ms, ratioToSmallest: ms / smallest, interfaces: INTERFACES, warmupLoads: WARMUP_LOADS },
      };
    });
  } finally {
    await browser.close();
  }
}

/** The preview server over a simulated machine of this size; faults behind its replies are collected in `pageErrors`. */
export async function startBenchPreview(rendererDir: string, interfaces: number, entries: number) {
  const backend = SimulatedBackend.large(interfaces, entries);
  const options = testServiceOptions({ simulatedReason: 'preview' });
  const pageErrors: string[] = [];
  const server = await startPreviewServer({
    service: new AnycastService(backend, options),
    rendererDir,
    logFault: (method, fault) => pageErrors.push(`service ${method}: ${String(fault)}`),
  });
  const close = async () => {
    await server.close();
    backend.close();
    rmSync(options.dataDir, { recursive: true, force: true });
  };
  return { server, pageErrors, close };
}

async function measureSize(browser: Browser, rendererDir: string, rows: number): Promise<SizeResult> {
  const { server, pageErrors, close } = await startBenchPreview(rendererDir, INTERFACES, rows);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(watchAnycastTable);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const samples: number[] = [];
    let last: TableTiming | undefined;
    for (let load = 0; load < WARMUP_LOADS + SAMPLES; load++) {
      await page.goto(server.openUrl);
      const painted = () => (window as unknown as { __anycastTable?: TableTiming }).__anycastTable?.paintedAt !== undefined;
      const waited = await page.waitForFunction(painted, undefined, { timeout: 30_000 }).then(
        () => true,
        () => false,
      );
      last = await page.evaluate(() => (window as unknown as { __anycastTable: TableTiming }).__anycastTable);
      if (pageErrors.length) throw new Error(`the page failed: ${pageErrors.join('; ')}`);
      if (!waited) throw new Error(whyNotPainted(last));
      if (load >= WARMUP_LOADS) samples.push(drawTime(last));
    }
    return { rows, samples, domRows: last?.domRows, ariaRowCount: last?.ariaRowCount };
  } finally {
    await context.close();
    await close();
  }
}

/** From the reply the table needs (rows and interface names, in one snapshot) to the painted frame. */
function drawTime(timing: TableTiming): number {
  return timing.paintedAt! - timing.replies.getSnapshot!;
}

/** The renderer changes under other hands: say which of the page's stable landmarks went missing. */
function whyNotPainted(timing: TableTiming): string {
  if (timing.replies.getSnapshot === undefined) {
    return 'the page did not read an /api/getSnapshot reply with json() or text() within 30 s, so the data arrival cannot be timed';
  }
  return 'no data rows appeared within 30 s in a table whose accessible name starts with "Anycast addresses"';
}

/**
 * Runs in the page before its own scripts (serialised by Playwright: self-contained).
 * Arrival is taken where the page's own json()/text() on a data reply resolves, so no
 * second parse of a 10,000-row reply is added to the page. The table is found by its
 * accessible name; its data rows are rows with cells that are not aria-hidden spacers.
 * Painted: a requestAnimationFrame callback runs just before the frame's style, layout
 * and paint, and a message posted from it is handled right after them, which is closer to
 * the paint than a second requestAnimationFrame a whole frame later.
 */
function watchAnycastTable(): void {
  const timing: TableTiming = { replies: {} };
  (window as unknown as { __anycastTable: TableTiming }).__anycastTable = timing;
  const dataMethods = ['getSnapshot'];
  for (const reader of ['json', 'text'] as const) {
    const original = Response.prototype[reader] as (this: Response) => Promise<unknown>;
    Object.defineProperty(Response.prototype, reader, {
      configurable: true,
      writable: true,
      value: async function read(this: Response) {
        const body = await original.call(this);
        const method = new URL(this.url, location.href).pathname.replace(/^\/api\//, '');
        if (dataMethods.includes(method) && timing.rowsAt === undefined) timing.replies[method] = performance.now();
        return body;
      },
    });
  }

  const nameOf = (element: Element): string => {
    const label = element.getAttribute('aria-label');
    if (label) return label.trim();
    const labelledBy = element.getAttribute('aria-labelledby');
    if (labelledBy) return labelledBy.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
    return element.querySelector('caption')?.textContent?.trim() ?? '';
  };
  const anycastTable = (): Element | undefined =>
    [...document.querySelectorAll('table, [role="table"], [role="grid"], [role="treegrid"]')].find((table) =>
      nameOf(table).startsWith('Anycast addresses'),
    );
  const dataRows = (table: Element): number =>
    [...table.querySelectorAll('tr, [role="row"]')].filter(
      (row) =>
        row.getAttribute('aria-hidden') !== 'true' &&
        row.querySelector('td, [role="cell"], [role="gridcell"]') !== null &&
        row.querySelector('th, [role="columnheader"]') === null,
    ).length;

  const observer = new MutationObserver(() => {
    // Rows before the data has arrived (placeholders, say) are not the table being drawn.
    if (timing.replies.getSnapshot === undefined) return;
    const table = anycastTable();
    const rows = table ? dataRows(table) : 0;
    if (!table || rows === 0) return;
    observer.disconnect();
    timing.rowsAt = performance.now();
    timing.domRows = rows;
    timing.ariaRowCount = table.getAttribute('aria-rowcount');
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        timing.paintedAt = performance.now();
      };
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document, { childList: true, subtree: true });
}
