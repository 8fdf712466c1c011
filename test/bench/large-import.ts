/**
 * 6. Large imports: how long "Import file" takes to refuse a file too big for one import,
 * or to preview one at the very limits, and how much memory that takes. In Debian's
 * Chromium, the built renderer against the preview server: from the file input's change
 * event to the frame painted after the refusal or the preview's row counts appear, with
 * the JS heap before and after (Chrome DevTools Protocol). The import code alone runs in
 * a fresh Node process per input, whose peak memory (maxRSS) shows what reading costs.
 */
import { chromium, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SimulatedBackend } from '../../main/backends/simulated/simulated-backend';
import { startPreviewServer } from '../../main/preview/preview-server';
import { AnycastService } from '../../main/service/anycast-service';
import { testServiceOptions } from '../support/service-options';
import { IMPORT_INPUTS, type ImportInputName } from './import-inputs';
import type { Measurement } from './report';
import { formatBytes, formatMs, median } from './stats';

export const IMPORT_SECTION = '8. Large imports (Import file: refused, or previewed at the limits)';
const GOAL_MS = 1_000;
const WARMUP = 1;
const SAMPLES = 3;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Text on the page once the input has been dealt with. */
const SHOWN: Readonly<Record<ImportInputName, string>> = {
  oversized: 'an import file can be at most',
  tooManyRows: 'was not loaded',
  atTheLimits: '10,000 ready',
  deepJson: 'was not loaded',
};
const FILE_NAMES: Readonly<Record<ImportInputName, string>> = {
  oversized: 'fleet.txt',
  tooManyRows: 'rows.txt',
  atTheLimits: 'limits.txt',
  deepJson: 'deep.json',
};

interface ImportTiming {
  shown?: string;
  changedAt?: number;
  paintedAt?: number;
}

interface BrowserResult {
  samples: number[];
  heapUsedBefore: number;
  /** The largest growth of the committed JS heap over a sample: what the page had to reserve. */
  heapCommittedGrowth: number;
}

interface ChildResult {
  ms: number;
  peakGrowthBytes: number;
  inputChars: number;
  problem?: string;
  rows: number;
}

export async function benchLargeImports(rendererDir: string, childScript: string): Promise<Measurement[]> {
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build` first');
  const names = Object.keys(IMPORT_INPUTS) as ImportInputName[];
  const browser = await inBrowser(rendererDir, names);
  return names.flatMap((name) => {
    const input = IMPORT_INPUTS[name];
    const result = browser.get(name)!;
    const ms = median(result.samples);
    const node = inNode(childScript, name);
    return [
      {
        section: IMPORT_SECTION,
        name: `${input.name}: ${input.outcome}`,
        value: formatMs(ms),
        baseline: '',
        ratio: '',
        goal: `< ${formatMs(GOAL_MS)}`,
        met: ms < GOAL_MS,
        data: { ...result, medianMs: ms },
      },
      {
        section: IMPORT_SECTION,
        name: '  page JS heap, committed growth',
        value: `+${formatBytes(result.heapCommittedGrowth)}`,
        baseline: `used before ${formatBytes(result.heapUsedBefore)}`,
        ratio: '',
        goal: '',
        data: {},
      },
      {
        section: IMPORT_SECTION,
        name: '  import code alone (Node), peak memory',
        value: `+${formatBytes(node.peakGrowthBytes)}`,
        baseline: `input ${formatBytes(node.inputChars)} chars, ${formatMs(node.ms)}`,
        ratio: '',
        goal: '',
        data: { ...node },
      },
    ];
  });
}

async function inBrowser(rendererDir: string, names: ImportInputName[]): Promise<Map<ImportInputName, BrowserResult>> {
  const filesDir = mkdtempSync(join(tmpdir(), 'anycast-bench-import-'));
  const backend = new SimulatedBackend();
  const options = testServiceOptions({ simulatedReason: 'preview' });
  const server = await startPreviewServer({ service: new AnycastService(backend, options), rendererDir, logFault: () => undefined });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(watchImport);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(server.openUrl);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const heap = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
      return { used: metric('JSHeapUsedSize'), committed: metric('JSHeapTotalSize') };
    };
    const results = new Map<ImportInputName, BrowserResult>();
    for (const name of names) {
      const file = join(filesDir, FILE_NAMES[name]);
      writeFileSync(file, IMPORT_INPUTS[name].text());
      const result: BrowserResult = { samples: [], heapUsedBefore: 0, heapCommittedGrowth: 0 };
      for (let run = 0; run < WARMUP + SAMPLES; run++) {
        const dialog = await openBulkAdd(page);
        await page.evaluate((shown) => Object.assign((window as unknown as { __import: ImportTiming }).__import, { shown, changedAt: undefined, paintedAt: undefined }), SHOWN[name]);
        await cdp.send('HeapProfiler.collectGarbage');
        const before = await heap();
        await dialog.getByLabel('Import file').setInputFiles(file);
        await page.waitForFunction(() => (window as unknown as { __import: ImportTiming }).__import.paintedAt !== undefined, undefined, { timeout: 60_000 });
        const after = await heap();
        const timing = await page.evaluate(() => (window as unknown as { __import: ImportTiming }).__import);
        if (pageErrors.length) throw new Error(`the page failed: ${pageErrors.join('; ')}`);
        if (run >= WARMUP) {
          result.samples.push(timing.paintedAt! - timing.changedAt!);
          result.heapUsedBefore = before.used;
          result.heapCommittedGrowth = Math.max(result.heapCommittedGrowth, after.committed - before.committed);
        }
        await dialog.getByRole('button', { name: 'Cancel' }).click();
        await dialog.waitFor({ state: 'hidden' });
      }
      results.set(name, result);
    }
    return results;
  } finally {
    await browser.close();
    await server.close();
    backend.close();
    rmSync(options.dataDir, { recursive: true, force: true });
    rmSync(filesDir, { recursive: true, force: true });
  }
}

async function openBulkAdd(page: Page) {
  await page.getByRole('toolbar', { name: 'Anycast address actions' }).getByRole('button', { name: 'Bulk add…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Bulk add anycast addresses' });
  await dialog.waitFor();
  return dialog;
}

function inNode(childScript: string, name: ImportInputName): ChildResult {
  const child = spawnSync(process.execPath, [childScript, name], { encoding: 'utf8', timeout: 120_000 });
  if (child.status !== 0) throw new Error(`the import probe for ${name} failed: ${child.stderr || child.error?.message}`);
  const result = JSON.parse(child.stdout) as ChildResult;
  const refused = result.problem !== undefined;
  if (refused !== (IMPORT_INPUTS[name].outcome === 'refused')) throw new Error(`the import probe for ${name} was ${refused ? 'refused' : 'previewed'}`);
  return result;
}

/**
 * Runs in the page before its own scripts (serialised by Playwright: self-contained). The
 * start is the file input's change event; the end is the frame painted after the expected
 * text appears: a requestAnimationFrame callback runs just before style, layout and paint,
 * and a message posted from it is handled right after them.
 */
function watchImport(): void {
  const timing: ImportTiming = {};
  (window as unknown as { __import: ImportTiming }).__import = timing;
  document.addEventListener(
    'change',
    (event) => {
      if ((event.target as HTMLInputElement | null)?.type === 'file') timing.changedAt = performance.now();
    },
    true,
  );
  new MutationObserver(() => {
    if (timing.changedAt === undefined || timing.paintedAt !== undefined || !timing.shown) return;
    if (!document.body.textContent?.includes(timing.shown)) return;
    const shown = timing.shown;
    timing.shown = undefined;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        timing.paintedAt = performance.now();
      };
      channel.port2.postMessage(shown);
    });
  }).observe(document, { childList: true, subtree: true, characterData: true });
}
