/**
 * The benchmark run (`npm run bench`, through bench.mjs): the app's hot paths measured
 * beside their baselines, printed as one table and written with a description of the
 * machine to bench-results/. Numbers are reported, never asserted: a missed goal is shown
 * and the run still succeeds. It fails only when a section could not be measured at all.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUDIT_SECTION, benchAuditPaging } from './audit-paging';
import { openBenchLibrary, type BenchLibrary } from './bench-library';
import { benchFfiListing, LISTING_SECTION } from './ffi-listing';
import { benchFfiWrites, WRITES_SECTION } from './ffi-writes';
import { benchInitialJs, benchMainMemory, benchPreload, FOOTPRINT_SECTION } from './footprint';
import { benchIpcPath, IPC_SECTION } from './ipc-path';
import { benchMainThread, MAIN_THREAD_SECTION } from './main-thread';
import { benchLargeImports, IMPORT_SECTION } from './large-import';
import { benchRendering, RENDERING_SECTION } from './rendering';
import { formatTable, machineInfo, writeJson, type BenchReport, type Measurement } from './report';
import { formatMs, nowMs } from './stats';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RENDERER_DIR = join(ROOT, 'dist', 'renderer');
const RESULTS_DIR = join(ROOT, 'bench-results');

const NOTES = [
  'Timed values are medians of repeated samples (every sample is in the JSON); ratios compare medians. ' +
    'Sizes and memory are single readings.',
  'C loop: the same C library read or written by plain C, timed inside C (CLOCK_MONOTONIC): the limit for the copy.',
  'Process per operation: /bin/true started with spawnSync, the least any tool that runs netsh or PowerShell per change pays.',
  'IPC: service.handle (schema, validation, backend, error words) against the backend call alone; ' +
    "Electron's message transport is not included.",
  'Rendering: a fresh page load per sample; from the page reading the getSnapshot reply to the frame painted ' +
    'after the rows appear.',
  'Main thread: the same binding with its calls on libuv worker threads (as the app makes them) and on the ' +
    'calling thread (a synchronous binding); stall is the longest event-loop delay (perf_hooks, 1 ms resolution), ' +
    'median of 3 runs after one unrecorded run.',
  'Audit log viewer: service.handle("readAuditLog") in a fresh Node process over a 1 GB log just written (so in the ' +
    'page cache); peak memory is that process\'s maximum resident set.',
  'Large imports: from the file input\'s change event to the frame painted after the refusal or the row counts; the ' +
    'page\'s JS heap from the DevTools protocol; the import code alone in a fresh Node process (peak RSS growth).',
];

async function main(): Promise<number> {
  const [childScript, auditChildScript, importChildScript] = process.argv.slice(2);
  if (!childScript || !auditChildScript || !importChildScript) {
    throw new Error('usage: run.cjs <footprint-child.cjs> <audit-page-child.cjs> <import-child.cjs> (npm run bench passes them)');
  }
  const report: BenchReport = { machine: machineInfo(), sections: [], measurements: [], failures: [], notes: NOTES };

  // Every FFI section needs the C library; without a compiler they are reported as not measured.
  let library: BenchLibrary | Error;
  try {
    library = openBenchLibrary();
  } catch (fault) {
    library = fault instanceof Error ? fault : new Error(String(fault));
  }
  const lib = (): BenchLibrary => {
    if (library instanceof Error) throw library;
    return library;
  };

  const sections: Array<[section: string, part: string, run: () => Promise<Measurement[]> | Measurement[]]> = [
    [LISTING_SECTION, '', () => benchFfiListing(lib())],
    [WRITES_SECTION, '', () => benchFfiWrites(lib())],
    [IPC_SECTION, '', () => benchIpcPath(lib())],
    [RENDERING_SECTION, '', () => benchRendering(RENDERER_DIR)],
    [FOOTPRINT_SECTION, ': renderer JS', () => benchInitialJs(RENDERER_DIR)],
    [FOOTPRINT_SECTION, ': preload bundle', () => benchPreload(ROOT)],
    [FOOTPRINT_SECTION, ': main process memory', () => benchMainMemory(childScript, lib().path)],
    [MAIN_THREAD_SECTION, '', () => benchMainThread(lib())],
    [AUDIT_SECTION, '', () => benchAuditPaging(auditChildScript)],
    [IMPORT_SECTION, '', () => benchLargeImports(RENDERER_DIR, importChildScript)],
  ];
  for (const [section, part, run] of sections) {
    if (!report.sections.includes(section)) report.sections.push(section);
    const start = nowMs();
    process.stderr.write(`[bench] ${section}${part}...`);
    try {
      report.measurements.push(...(await run()));
      process.stderr.write(` ${formatMs(nowMs() - start)}\n`);
    } catch (fault) {
      report.failures.push({ section, error: fault instanceof Error ? fault.message : String(fault) });
      process.stderr.write(' not measured\n');
    }
  }

  console.log(`\n${formatTable(report)}\n`);
  const { machine } = report;
  console.log(`${machine.os}, ${machine.cpuModel} (${machine.cores} cores), Node ${machine.node}, ${machine.date}`);
  console.log(`Results: ${writeJson(report, RESULTS_DIR)}`);
  return report.failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (fault: unknown) => {
    console.error(fault);
    process.exit(1);
  },
);
