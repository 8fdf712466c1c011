/**
 * 7. Scrolling: in Debian's Chromium, frame times while the anycast table of the large
 * machine (200 interfaces, 10,000 entries, as `npm start -- --large`) scrolls, against the
 * same page idle. The built renderer runs against the preview server and the real service.
 *
 * A frame time is the interval between two requestAnimationFrame callbacks. Scrolling moves
 * the table's scroll container by a fixed step in every frame, top to bottom and back, as a
 * steady wheel or a held scroll bar would; each step makes the virtualised table render the
 * rows that come into view. Long tasks (50 ms or more) come from the page's PerformanceObserver.
 */
import { chromium, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_ARGS, startBenchPreview } from './rendering';
import type { Measurement } from './report';
import { formatMs } from './stats';

export const SCROLLING_SECTION = '9. Scrolling 10,000 rows (frame times)';
const INTERFACES = 200;
const ENTRIES = 10_000;
const VIEWPORT = { width: 1366, height: 768 };
/** Pixels per frame: about three rows, a brisk wheel. */
const STEP_PX = 100;
const WARMUP_MS = 1_000;
const IDLE_MS = 4_000;
const SCROLL_MS = 8_000;
const GOAL_P95_MS = 20;

interface FrameWindow {
  /** Intervals between consecutive animation frames, ms. */
  frames: number[];
  longTasks: number[];
  /** Distance scrolled, px (0 when idle). */
  scrolled: number;
}

/** Where the main thread's time went in a window, ms, from Chromium's own counters (DevTools Performance domain). */
interface MainThreadTime {
  script: number;
  styleAndLayout: number;
  task: number;
}

const COUNTERS = ['ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration', 'TaskDuration'] as const;

export async function benchScrolling(rendererDir: string): Promise<Measurement[]> {
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build` first');
  const { server, pageErrors, close } = await startBenchPreview(rendererDir, INTERFACES, ENTRIES);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(server.openUrl);
    // Only the anycast table has 10,001 rows (with its header); the interface grid has 202.
    await page.waitForSelector(`table[aria-rowcount="${ENTRIES + 1}"]`, { timeout: 60_000 });
    await markScroller(page);
    const devtools = await page.context().newCDPSession(page);
    await devtools.send('Performance.enable');
    const counters = async () => {
      const { metrics } = await devtools.send('Performance.getMetrics');
      return Object.fromEntries(COUNTERS.map((name) => [name, (metrics.find((m) => m.name === name)?.value ?? 0) * 1000])) as Record<(typeof COUNTERS)[number], number>;
    };
    const timed = async (ms: number, scroll: boolean): Promise<[FrameWindow, MainThreadTime]> => {
      const before = await counters();
      const frames = await record(page, ms, scroll);
      const after = await counters();
      const spent = (name: (typeof COUNTERS)[number]) => after[name] - before[name];
      return [frames, { script: spent('ScriptDuration'), styleAndLayout: spent('RecalcStyleDuration') + spent('LayoutDuration'), task: spent('TaskDuration') }];
    };
    await record(page, WARMUP_MS, true);
    // Let the warm-up's last rows finish rendering, so the idle window is idle.
    await page.waitForTimeout(1_000);
    const [idle, idleTime] = await timed(IDLE_MS, false);
    const [scrolling, scrollTime] = await timed(SCROLL_MS, true);
    if (pageErrors.length) throw new Error(`the page failed: ${pageErrors.join('; ')}`);
    if (scrolling.scrolled === 0) throw new Error('the anycast table did not scroll');
    return [
      row('frame time while scrolling, mean', mean(scrolling.frames), `idle ${formatMs(mean(idle.frames))}`, '', undefined, scrolling, idle),
      row('frame time while scrolling, p95', percentile(scrolling.frames, 95), `idle ${formatMs(percentile(idle.frames, 95))}`, `< ${GOAL_P95_MS} ms`, percentile(scrolling.frames, 95) < GOAL_P95_MS, scrolling, idle),
      {
        section: SCROLLING_SECTION,
        name: '  long tasks while scrolling (>= 50 ms)',
        value: `${scrolling.longTasks.length} in ${SCROLL_MS / 1000} s${scrolling.longTasks.length ? `, longest ${formatMs(Math.max(...scrolling.longTasks))}` : ''}`,
        baseline: `idle ${idle.longTasks.length}`,
        ratio: '',
        goal: '',
        data: { scrollingLongTasks: scrolling.longTasks, idleLongTasks: idle.longTasks },
      },
      share('  main thread busy while scrolling', scrollTime.task, idleTime.task, { scrolling: scrollTime, idle: idleTime }),
      share('    of which JavaScript (React and Fluent rendering rows)', scrollTime.script, idleTime.script),
      share('    of which style and layout', scrollTime.styleAndLayout, idleTime.styleAndLayout),
    ];
  } finally {
    await browser.close();
    await close();
  }
}

/** Main-thread time per second of the window, beside the idle page's. */
function share(name: string, scrollingMs: number, idleMs: number, data: Record<string, unknown> = {}): Measurement {
  const perSecond = (ms: number, windowMs: number) => `${formatMs(ms / (windowMs / 1000))}/s`;
  return {
    section: SCROLLING_SECTION,
    name,
    value: perSecond(scrollingMs, SCROLL_MS),
    baseline: `idle ${perSecond(idleMs, IDLE_MS)}`,
    ratio: '',
    goal: '',
    data: { scrollingMs, idleMs, scrollMs: SCROLL_MS, idleWindowMs: IDLE_MS, ...data },
  };
}

function row(name: string, ms: number, baseline: string, goal: string, met: boolean | undefined, scrolling: FrameWindow, idle: FrameWindow): Measurement {
  return {
    section: SCROLLING_SECTION,
    name,
    value: formatMs(ms),
    baseline,
    ratio: '',
    goal,
    met,
    data: {
      ms,
      scrollingFrames: scrolling.frames,
      idleFrames: idle.frames,
      scrolledPx: scrolling.scrolled,
      stepPx: STEP_PX,
      viewport: VIEWPORT,
      interfaces: INTERFACES,
      entries: ENTRIES,
    },
  };
}

/** The anycast table's scroll container: its nearest ancestor that scrolls. */
async function markScroller(page: Page): Promise<void> {
  const found = await page.evaluate(() => {
    const table = document.querySelector('table[aria-rowcount="10001"]');
    for (let element = table?.parentElement; element; element = element.parentElement) {
      const { overflowY } = getComputedStyle(element);
      if ((overflowY === 'auto' || overflowY === 'scroll') && element.scrollHeight > element.clientHeight) {
        element.setAttribute('data-bench-scroller', '');
        return true;
      }
    }
    return false;
  });
  if (!found) throw new Error('no scroll container found around the anycast table');
}

/** Records frame intervals and long tasks for `ms`, scrolling by STEP_PX per frame when asked. */
function record(page: Page, ms: number, scroll: boolean): Promise<FrameWindow> {
  return page.evaluate(
    ({ ms, scroll, step }) =>
      new Promise<FrameWindow>((resolve) => {
        const scroller = document.querySelector<HTMLElement>('[data-bench-scroller]')!;
        const frames: number[] = [];
        const longTasks: number[] = [];
        let scrolled = 0;
        let direction = 1;
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) longTasks.push(entry.duration);
        });
        observer.observe({ type: 'longtask' });
        const start = performance.now();
        let last = start;
        const tick = (now: number) => {
          frames.push(now - last);
          last = now;
          if (scroll) {
            const before = scroller.scrollTop;
            if (before + scroller.clientHeight >= scroller.scrollHeight - 1) direction = -1;
            else if (before <= 0) direction = 1;
            scroller.scrollTop = before + direction * step;
            scrolled += Math.abs(scroller.scrollTop - before);
          }
          if (now - start < ms) requestAnimationFrame(tick);
          else {
            observer.disconnect();
            // The first interval runs from the call, not from a frame.
            resolve({ frames: frames.slice(1), longTasks, scrolled });
          }
        };
        requestAnimationFrame(tick);
      }),
    { ms, scroll, step: STEP_PX },
  );
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
