/**
 * 6. The main thread: what the app's own thread waits for while Windows answers. The same
 * binding over the C test library, its calls made as the app makes them (koffi's .async,
 * on libuv's worker threads) and, for comparison, on the calling thread, as a synchronous
 * binding would:
 * - the longest event-loop delay across a refresh, an add and a delete through the service
 *   while every table read and row call takes 300 ms (perf_hooks' event-loop delay histogram),
 *   on the seeded machine (what the calls cost) and on a server-sized one (what decoding
 *   10,000 rows on the main thread adds);
 * - the table reads one refresh makes, against the three requests a refresh made before;
 * - getAnycast and listInterfaces, per call, to show what the thread hop costs.
 */
import { rmSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { AnycastKey } from '../../app/ipc-contract';
import type { AnycastBackend, AnycastRow } from '../../main/backends/backend';
import type { NativeCall } from '../../main/backends/windows/native-call';
import { AnycastService } from '../../main/service/anycast-service';
import { backendOverFake } from '../ffi/fake-iphlpapi';
import { testServiceOptions } from '../support/service-options';
import type { BenchLibrary } from './bench-library';
import { BENCH_INTERFACES, BENCH_ROWS } from './ffi-listing';
import type { Measurement } from './report';
import { comparePerCall, formatCount, formatMs, formatTimes, median } from './stats';

export const MAIN_THREAD_SECTION = '6. The main thread';
const SLOW_CALL_MS = 300;
const STALL_GOAL_MS = 10;
const STALL_SAMPLES = 3;
const READS_GOAL = 3;
const SAMPLING = { samples: 15, targetMs: 40 };

/** A synchronous binding: each call blocks the thread that makes it. */
const onCallingThread: NativeCall = async (fn, args) => fn(...args);

export async function benchMainThread(lib: BenchLibrary): Promise<Measurement[]> {
  const workers = backendOverFake(lib.path);
  const inline = backendOverFake(lib.path, { call: onCallingThread });
  const options = testServiceOptions();
  const [overWorkers, overInline] = [new AnycastService(workers, options), new AnycastService(inline, options)];
  try {
    lib.reset();
    const seeded = { workers: await stallSamples(lib, overWorkers), inline: await stallSamples(lib, overInline) };
    lib.seed(BENCH_INTERFACES, BENCH_ROWS);
    const large = { workers: await stallSamples(lib, overWorkers), inline: await stallSamples(lib, overInline) };
    const reads = await readsPerRefresh(lib, overWorkers);
    const row = await firstRow(workers);
    const get = await comparePerCall(() => expectOk(inline.getAnycast(row)), () => expectOk(workers.getAnycast(row)), SAMPLING);
    const list = await comparePerCall(() => expectOk(inline.listInterfaces()), () => expectOk(workers.listInterfaces()), SAMPLING);
    return [
      stallRow('seeded machine', seeded),
      stallRow(`${BENCH_INTERFACES} ifs, ${formatCount(BENCH_ROWS)} rows`, large),
      readsRow(reads),
      hopRow('getAnycast, worker thread', get),
      hopRow(`listInterfaces (${BENCH_INTERFACES} ifs), worker thread`, list),
    ];
  } finally {
    lib.setCallDelay(0);
    workers.close();
    inline.close();
    lib.reset();
    rmSync(options.dataDir, { recursive: true, force: true });
  }
}

/**
 * The longest event-loop delay, in ms, across a refresh, an add and a delete, each call taking
 * SLOW_CALL_MS; after one unrecorded run, whose first audit line opens the file and whose code is
 * not yet compiled.
 */
async function stallSamples(lib: BenchLibrary, service: AnycastService): Promise<number[]> {
  const listed = await service.handle('listInterfaces', {});
  const luid = listed.ok ? (listed.value as Array<{ luid: string }>)[0]?.luid : undefined;
  if (!luid) throw new Error('the service lists no interfaces');
  const samples: number[] = [];
  lib.setCallDelay(SLOW_CALL_MS);
  try {
    for (let n = 0; n <= STALL_SAMPLES; n++) {
      const key: AnycastKey = { address: `198.18.250.${n + 1}`, interfaceLuid: luid, interfaceIndex: 0 };
      const delay = monitorEventLoopDelay({ resolution: 1 });
      delay.enable();
      // Each request in a turn of the event loop of its own, as IPC messages arrive; the last
      // turn lets the histogram see a block that lasted to the end.
      for (const request of [
        () => service.handle('getSnapshot', {}),
        () => service.handle('createAnycast', key),
        () => service.handle('deleteAnycast', key),
      ]) {
        await nextTurn();
        await expectOk(request());
      }
      await nextTurn();
      delay.disable();
      if (n > 0) samples.push(delay.max / 1e6);
    }
  } finally {
    lib.setCallDelay(0);
  }
  return samples;
}

/** Table reads of one getSnapshot, and of the three requests (status, interfaces, entries) it replaces. */
async function readsPerRefresh(lib: BenchLibrary, service: AnycastService): Promise<{ snapshot: number; threeRequests: number }> {
  const count = async (refresh: () => Promise<unknown>) => {
    const before = lib.tableReads();
    await refresh();
    return lib.tableReads() - before;
  };
  // Elevation is asked once per backend: the first refresh is not the typical one.
  await service.handle('getSnapshot', {});
  return {
    snapshot: await count(() => expectOk(service.handle('getSnapshot', {}))),
    threeRequests: await count(() =>
      Promise.all([service.handle('getStatus', {}), service.handle('listInterfaces', {}), service.handle('listAnycast', {})].map(expectOk)),
    ),
  };
}

async function firstRow(backend: AnycastBackend): Promise<AnycastRow> {
  const listed = await backend.listAnycast();
  const entry = listed.ok ? listed.value[0] : undefined;
  if (!entry) throw new Error('the backend lists no anycast rows');
  return { address: entry.address, family: entry.family, interfaceLuid: BigInt(entry.interfaceLuid), interfaceIndex: 0, scopeId: 0 };
}

/** A few milliseconds, so the histogram's 1 ms timer fires at least once. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 3));
}

async function expectOk(reply: Promise<{ ok: boolean }>): Promise<void> {
  const result = await reply;
  if (!result.ok) throw new Error(`a benchmark request failed: ${JSON.stringify(result)}`);
}

function stallRow(machine: string, { workers: samples, inline: inlineSamples }: { workers: number[]; inline: number[] }): Measurement {
  const [ms, inlineMs] = [median(samples), median(inlineSamples)];
  return {
    section: MAIN_THREAD_SECTION,
    name: `stall at ${SLOW_CALL_MS} ms/call: refresh, add, delete (${machine})`,
    value: formatMs(ms),
    baseline: `calls on the main thread ${formatMs(inlineMs)}`,
    ratio: `${formatTimes(inlineMs / ms)} shorter`,
    goal: `< ${STALL_GOAL_MS} ms`,
    met: ms < STALL_GOAL_MS,
    data: { machine, medianMs: ms, samplesMs: samples, mainThreadMedianMs: inlineMs, mainThreadSamplesMs: inlineSamples, callDelayMs: SLOW_CALL_MS },
  };
}

function readsRow({ snapshot, threeRequests }: { snapshot: number; threeRequests: number }): Measurement {
  return {
    section: MAIN_THREAD_SECTION,
    name: 'table reads per refresh (getSnapshot)',
    value: String(snapshot),
    baseline: `getStatus + listInterfaces + listAnycast ${threeRequests}`,
    ratio: '',
    goal: `<= ${READS_GOAL}`,
    met: snapshot <= READS_GOAL,
    data: { snapshot, threeRequests },
  };
}

/** `a` holds the samples with calls on the main thread, `b` those on a worker thread. */
function hopRow(name: string, { a, b }: { a: number[]; b: number[] }): Measurement {
  const [inlineMs, workerMs] = [median(a), median(b)];
  return {
    section: MAIN_THREAD_SECTION,
    name,
    value: `${formatMs(workerMs)}/call`,
    baseline: `main thread ${formatMs(inlineMs)}`,
    ratio: `${workerMs >= inlineMs ? '+' : '-'}${formatMs(Math.abs(workerMs - inlineMs))}`,
    goal: '',
    data: { workerMsPerCall: workerMs, mainThreadMsPerCall: inlineMs, workerSamplesMs: b, mainThreadSamplesMs: a },
  };
}
