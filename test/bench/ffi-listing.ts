/**
 * 1. Listing through the FFI: 10,000 anycast rows and 200 interfaces decoded from the C
 * test library through the real binding into domain objects, against a C loop that reads
 * the same tables, the physical limit for the copy. Two more rows put the binding's time
 * in context: koffi decoding each row into an object (what the binding did before it read
 * the table's bytes), and the table crossing as one byte array.
 */
import koffi from 'koffi';
import { NO_ERROR } from '../../app/win32-errors';
import type { AnycastBackend } from '../../main/backends/backend';
import { AF_UNSPEC } from '../../main/backends/windows/iphlpapi-decode';
import { MIB_ANYCASTIPADDRESS_ROW, MIB_ANYCASTIPADDRESS_TABLE } from '../../main/backends/windows/iphlpapi-types';
import type { AnycastBindings, Out, Pointer } from '../../main/backends/windows/iphlpapi-functions';
import { loadWindowsApi, type WindowsApi } from '../../main/backends/windows/windows-api';
import { backendOverFake } from '../ffi/fake-iphlpapi';
import type { BenchLibrary } from './bench-library';
import type { Measurement } from './report';
import { formatCount, formatMs, formatRate, formatTimes, median, timeRuns } from './stats';

export const LISTING_SECTION = '1. Listing through the FFI';
/** A server-sized machine, also used by the write and IPC benchmarks. */
export const BENCH_INTERFACES = 200;
export const BENCH_ROWS = 10_000;
const SAMPLES = 15;
const GOAL = 5;

export async function benchFfiListing(lib: BenchLibrary): Promise<Measurement[]> {
  lib.seed(BENCH_INTERFACES, BENCH_ROWS);
  const backend = backendOverFake(lib.path);
  const api = loadWindowsApi({ iphlpapi: lib.path, kernel32: lib.path, advapi32: lib.path });
  try {
    await expectCounts(backend);
    const anycast = await timeRuns(SAMPLES, () => backend.listAnycast());
    const interfaces = await timeRuns(SAMPLES, () => backend.listInterfaces());
    const rowDecode = await timeRuns(SAMPLES, () => readRawRows(api));
    const tableBytes = await timeRuns(SAMPLES, () => readTableBytes(api));
    const cAnycast = cSamples(() => lib.readAnycastMs(iterationsFor(lib.readAnycastMs(1))));
    const cInterfaces = cSamples(() => lib.readInterfacesMs(iterationsFor(lib.readInterfacesMs(1))));
    return [
      listing(`${formatCount(BENCH_ROWS)} anycast rows, binding -> domain`, anycast, cAnycast, 'rows', BENCH_ROWS, true),
      listing('  for comparison: koffi per-row struct decode', rowDecode, cAnycast, 'rows', BENCH_ROWS, false),
      listing('  floor: the table as one byte array', tableBytes, cAnycast, 'rows', BENCH_ROWS, false),
      listing(`${BENCH_INTERFACES} interfaces, binding -> domain`, interfaces, cInterfaces, 'ifs', BENCH_INTERFACES, true),
    ];
  } finally {
    backend.close();
    api.unload();
    lib.reset();
  }
}

async function expectCounts(backend: AnycastBackend): Promise<void> {
  const [entries, interfaces] = [await backend.listAnycast(), await backend.listInterfaces()];
  if (!entries.ok || entries.value.length !== BENCH_ROWS) throw new Error(`listAnycast did not return ${BENCH_ROWS} rows`);
  if (!interfaces.ok || interfaces.value.length !== BENCH_INTERFACES) {
    throw new Error(`listInterfaces did not return ${BENCH_INTERFACES} interfaces`);
  }
}

function anycastBindings(api: WindowsApi): AnycastBindings {
  if (!api.anycast) throw new Error('the C test library lacks the anycast exports');
  return api.anycast;
}

/** koffi decoding every row into an object, no domain objects: the binding's former path, for comparison. */
function readRawRows(api: WindowsApi): Promise<void> {
  return withAnycastTable(api, (memory, count) => {
    const rows: unknown[] = koffi.decode(memory, koffi.offsetof(MIB_ANYCASTIPADDRESS_TABLE, 'Table'), MIB_ANYCASTIPADDRESS_ROW, count);
    if (rows.length !== BENCH_ROWS) throw new Error('the raw anycast table read failed');
  });
}

/**
 * The same table crossing the FFI as one Uint8Array: the copy into JavaScript without an
 * object per row, as close to the C loop as a JavaScript caller can get.
 */
function readTableBytes(api: WindowsApi): Promise<void> {
  return withAnycastTable(api, (memory, count) => {
    const size = count * koffi.sizeof(MIB_ANYCASTIPADDRESS_ROW);
    const bytes: Uint8Array = koffi.decode(memory, koffi.offsetof(MIB_ANYCASTIPADDRESS_TABLE, 'Table'), koffi.array('uint8_t', size));
    if (count !== BENCH_ROWS || bytes.length !== size) throw new Error('the anycast table is not the seeded one');
  });
}

async function withAnycastTable(api: WindowsApi, read: (memory: bigint, count: number) => void): Promise<void> {
  const table: Out<Pointer> = [null];
  const code = await anycastBindings(api).GetAnycastIpAddressTable(AF_UNSPEC, table);
  const memory = table[0];
  if (code !== NO_ERROR || memory === null) throw new Error(`the anycast table read failed (${code})`);
  try {
    read(memory, koffi.decode(memory, koffi.offsetof(MIB_ANYCASTIPADDRESS_TABLE, 'NumEntries'), 'uint32_t'));
  } finally {
    api.iphlpapi.FreeMibTable(memory);
  }
}

/** The C loop runs many iterations per call, so each sample lasts about 20 ms whatever one iteration costs. */
function iterationsFor(oneMs: number): number {
  return Math.max(1, Math.ceil(20 / Math.max(oneMs, 1e-4)));
}

function cSamples(sample: () => number): number[] {
  return Array.from({ length: SAMPLES }, sample);
}

function listing(name: string, samples: number[], cSamples: number[], unit: string, count: number, withGoal: boolean): Measurement {
  const [ms, cMs] = [median(samples), median(cSamples)];
  const ratio = ms / cMs;
  return {
    section: LISTING_SECTION,
    name,
    value: `${formatMs(ms)} (${formatRate((count / ms) * 1000, unit)})`,
    baseline: `C loop ${formatMs(cMs)} (${formatRate((count / cMs) * 1000, unit)})`,
    ratio: `${formatTimes(ratio)} slower`,
    goal: withGoal ? `<= ${GOAL}x C loop` : '',
    met: withGoal ? ratio <= GOAL : undefined,
    data: { count, unit, medianMs: ms, cLoopMedianMs: cMs, ratio, samplesMs: samples, cLoopSamplesMs: cSamples },
  };
}
