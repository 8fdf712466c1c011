/**
 * 3. The IPC path: one request through the contract's schema and the service
 * (service.handle, which the Electron IPC handlers and the preview server both call)
 * against the same call made on the backend directly, for the FFI backend over the C
 * library and for the simulated backend, each holding 200 interfaces and 10,000 rows.
 * Electron's own message passing is not included: it needs the Electron runtime.
 */
import { rmSync } from 'node:fs';
import { validateAnycastAddress } from '../../app/address-validation';
import { contract, type AnycastKey } from '../../app/ipc-contract';
import type { AnycastBackend, AnycastRow } from '../../main/backends/backend';
import { SimulatedBackend } from '../../main/backends/simulated/simulated-backend';
import { AnycastService } from '../../main/service/anycast-service';
import { backendOverFake } from '../ffi/fake-iphlpapi';
import { testServiceOptions } from '../support/service-options';
import type { BenchLibrary } from './bench-library';
import { BENCH_INTERFACES, BENCH_ROWS } from './ffi-listing';
import type { Measurement } from './report';
import { comparePerCall, formatMs, median } from './stats';

export const IPC_SECTION = '3. The IPC path';
const GOAL_PERCENT = 10;
const SAMPLING = { samples: 15, targetMs: 40 };

export async function benchIpcPath(lib: BenchLibrary): Promise<Measurement[]> {
  lib.seed(BENCH_INTERFACES, BENCH_ROWS);
  const ffi = backendOverFake(lib.path);
  const simulated = SimulatedBackend.large(BENCH_INTERFACES, BENCH_ROWS);
  const options = testServiceOptions();
  try {
    const overFfi = await compareBackend('FFI', ffi, new AnycastService(ffi, options), true);
    const overSimulated = await compareBackend('simulated', simulated, new AnycastService(simulated, options), false);
    const checks = await serviceChecks((await firstKey(ffi)).key, overFfi.getAnycastMs);
    return [...overFfi.rows, ...checks, ...overSimulated.rows];
  } finally {
    ffi.close();
    simulated.close();
    lib.reset();
    rmSync(options.dataDir, { recursive: true, force: true });
  }
}

/** The first row the backend lists, as the renderer would name it, and as the backend takes it. */
async function firstKey(backend: AnycastBackend): Promise<{ key: AnycastKey; row: AnycastRow }> {
  const listed = await backend.listAnycast();
  const entry = listed.ok ? listed.value[0] : undefined;
  if (!entry) throw new Error(`the ${backend.kind} backend lists no anycast rows`);
  return {
    key: { address: entry.address, interfaceLuid: entry.interfaceLuid, interfaceIndex: 0 },
    row: { address: entry.address, family: entry.family, interfaceLuid: BigInt(entry.interfaceLuid), interfaceIndex: 0, scopeId: 0 },
  };
}

/**
 * The goal applies to the FFI backend, the one the app runs on Windows; the simulated
 * backend answers from memory in microseconds, so any fixed cost is a large share of it.
 */
async function compareBackend(
  label: string,
  backend: AnycastBackend,
  service: AnycastService,
  withGoal: boolean,
): Promise<{ rows: Measurement[]; getAnycastMs: number }> {
  const { key, row } = await firstKey(backend);
  const list = await comparePerCall(() => backend.listInterfaces(), () => expectOk(service.handle('listInterfaces', {})), SAMPLING);
  const get = await comparePerCall(() => backend.getAnycast(row), () => expectOk(service.handle('getAnycast', key)), SAMPLING);
  return {
    rows: [overhead(`listInterfaces, ${label} (${BENCH_INTERFACES} ifs)`, list, withGoal), overhead(`getAnycast, ${label}`, get, withGoal)],
    getAnycastMs: median(get.a),
  };
}

/**
 * The service's own checks on a getAnycast request, timed alone: the contract schema
 * (zod) and the address validation, as shares of the FFI backend's getAnycast.
 */
async function serviceChecks(key: AnycastKey, backendMs: number): Promise<Measurement[]> {
  const checks = await comparePerCall(
    () => contract.getAnycast.request.safeParse(key),
    () => validateAnycastAddress(key.address),
    SAMPLING,
  );
  return [part('  of which schema check (zod)', checks.a, backendMs), part('  of which address validation', checks.b, backendMs)];
}

async function expectOk(reply: Promise<{ ok: boolean }>): Promise<void> {
  const result = await reply;
  if (!result.ok) throw new Error(`the service refused a benchmark request: ${JSON.stringify(result)}`);
}

/** `a` holds the backend's per-call samples, `b` the service's. */
function overhead(name: string, { a, b }: { a: number[]; b: number[] }, withGoal: boolean): Measurement {
  const [backendMs, serviceMs] = [median(a), median(b)];
  const percent = ((serviceMs - backendMs) / backendMs) * 100;
  return {
    section: IPC_SECTION,
    name,
    value: `${formatMs(serviceMs)}/call`,
    baseline: `backend ${formatMs(backendMs)}`,
    ratio: `${percent >= 0 ? '+' : ''}${percent.toFixed(1)}%`,
    goal: withGoal ? `< ${GOAL_PERCENT}% overhead` : '',
    met: withGoal ? percent < GOAL_PERCENT : undefined,
    data: { serviceMsPerCall: serviceMs, backendMsPerCall: backendMs, overheadPercent: percent, serviceSamplesMs: b, backendSamplesMs: a },
  };
}

function part(name: string, samples: number[], backendMs: number): Measurement {
  const ms = median(samples);
  const percent = (ms / backendMs) * 100;
  return {
    section: IPC_SECTION,
    name,
    value: `${formatMs(ms)}/call`,
    baseline: `backend ${formatMs(backendMs)}`,
    ratio: `+${percent.toFixed(1)}%`,
    goal: '',
    data: { msPerCall: ms, backendMsPerCall: backendMs, percentOfBackend: percent, samplesMs: samples },
  };
}
