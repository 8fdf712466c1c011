/**
 * The C test library (test/native/fake-iphlpapi.c) with its benchmark exports: a
 * server-sized machine to seed, and plain C loops over the same functions the binding
 * calls, timed inside C so no call overhead is counted against the limit they set.
 */
import koffi from 'koffi';
import { buildFakeLibrary } from '../ffi/fake-iphlpapi';
import { findTool } from '../ffi/native-build';

export interface BenchLibrary {
  path: string;
  /** `interfaces` generated adapters holding `rows` anycast rows (see FakeBenchSeed). */
  seed(interfaces: number, rows: number): void;
  /** Back to the small seeded machine with no anycast rows. */
  reset(): void;
  /** Milliseconds per GetAnycastIpAddressTable + copy of every row + FreeMibTable, over `iterations`. */
  readAnycastMs(iterations: number): number;
  /** Milliseconds per interface listing done in C the way the binding does it, over `iterations`. */
  readInterfacesMs(iterations: number): number;
  /** Milliseconds for `count` creates then `count` deletes (198.18.x.y, interface n % count, by LUID). */
  writesMs(count: number): number;
  /** Every table read and anycast row call takes `ms` longer (0: none). */
  setCallDelay(ms: number): void;
  /** Get*Table calls made so far. */
  tableReads(): number;
}

/** Builds the library with the system C compiler (cached by content, as the tests do) and loads it. */
export function openBenchLibrary(): BenchLibrary {
  const cc = findTool(process.env.CC ?? 'cc', 'gcc');
  if (!cc.available) throw new Error(`the C test library cannot be built: ${cc.reason}`);
  return loadBenchLibrary(buildFakeLibrary(cc.command));
}

export function loadBenchLibrary(path: string): BenchLibrary {
  const lib = koffi.load(path);
  const seed = lib.func('FakeBenchSeed', 'int32_t', ['uint32_t', 'uint32_t']);
  const reset = lib.func('FakeReset', 'void', []);
  const timed = (name: string) => {
    const run = lib.func(name, 'int64_t', ['uint32_t']);
    return (n: number): number => {
      const ns = Number(run(n));
      if (ns < 0) throw new Error(`${name}(${n}) failed inside the C library`);
      return ns / 1e6;
    };
  };
  const readAnycast = timed('FakeBenchReadAnycast');
  const readInterfaces = timed('FakeBenchReadInterfaces');
  const writes = timed('FakeBenchWrites');
  const setCallDelay = lib.func('FakeSetCallDelay', 'void', ['uint32_t']);
  const tableReads = lib.func('FakeTableReads', 'int64_t', []);
  return {
    path,
    seed(interfaces, rows) {
      if (!seed(interfaces, rows)) throw new Error(`FakeBenchSeed(${interfaces}, ${rows}) does not fit the C library`);
    },
    reset: () => reset(),
    readAnycastMs: (iterations) => readAnycast(iterations) / iterations,
    readInterfacesMs: (iterations) => readInterfaces(iterations) / iterations,
    writesMs: (count) => writes(count),
    setCallDelay: (ms) => setCallDelay(ms),
    tableReads: () => Number(tableReads()),
  };
}
