/**
 * 2. Writes through the FFI: 1,000 creates then 1,000 deletes, through the binding alone
 * and through the service (schema, validation, interface label, audit line, and the sync
 * that makes the audit lines durable),
 * against the raw C calls (the limit) and one process spawned per operation (the floor
 * of every tool that shells out to netsh or PowerShell).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnycastKey } from '../../app/ipc-contract';
import type { AnycastBackend, AnycastRow } from '../../main/backends/backend';
import type { AuditLog } from '../../main/audit/audit-log';
import { AnycastService } from '../../main/service/anycast-service';
import { appFilesIn, type AppFiles } from '../../main/service/app-files';
import { backendOverFake } from '../ffi/fake-iphlpapi';
import { TEST_IDENTITY } from '../support/service-options';
import type { BenchLibrary } from './bench-library';
import { BENCH_INTERFACES } from './ffi-listing';
import type { Measurement } from './report';
import { formatMs, formatTimes, median, timeRuns } from './stats';

export const WRITES_SECTION = '2. Writes through the FFI';
const WRITES = 1_000;
const OPERATIONS = 2 * WRITES;
/** Each fsync-per-line sample takes about a second: fewer of them. */
const SAMPLES = { binding: 7, service: 7, syncEach: 3, cLoop: 15, spawn: 5 };
/** Spawned per sample; the per-operation median is scaled to OPERATIONS. */
const SPAWNS_PER_SAMPLE = 200;
const GOAL = 50;
/** statfs f_type of tmpfs (linux/magic.h): fsync there returns without touching a device. */
const TMPFS_MAGIC = 0x01021994;

export async function benchFfiWrites(lib: BenchLibrary): Promise<Measurement[]> {
  lib.seed(BENCH_INTERFACES, 0);
  const backend = backendOverFake(lib.path);
  const dataDirs: string[] = [];
  try {
    const listed = await backend.listInterfaces();
    if (!listed.ok) throw new Error(`listInterfaces failed with ${listed.code}`);
    const luids = listed.value.map((i) => i.luid);
    // The rows FakeBenchWrites writes: 198.18.<n / 256>.<n % 256> on interface n % count, by LUID.
    const keys: AnycastKey[] = Array.from({ length: WRITES }, (_, n) => ({
      address: `198.18.${n >> 8}.${n & 0xff}`,
      interfaceLuid: luids[n % luids.length]!,
      interfaceIndex: 0,
    }));
    const rows: AnycastRow[] = keys.map((k) => ({
      address: k.address,
      family: 'ipv4',
      interfaceLuid: BigInt(k.interfaceLuid),
      interfaceIndex: 0,
      scopeId: 0,
    }));

    const binding = await timeRuns(SAMPLES.binding, () => writeThroughBackend(backend, rows), 1);
    const serviceIn = (dataDir: string) => {
      dataDirs.push(dataDir);
      const files = appFilesIn(dataDir);
      return { files, service: new AnycastService(backend, { simulatedReason: null, identity: TEST_IDENTITY, files }) };
    };
    // Where the app's data folder would be: on the system disk, where fsync waits for the device.
    const diskDir = mkdtempSync(join(tmpdir(), 'anycast-bench-'));
    const onDisk = serviceIn(diskDir);
    // No warm-up run: the binding's samples warmed the shared code.
    const service = await timeRuns(SAMPLES.service, () => writeThroughService(onDisk, keys), 0);
    const tmpfsDir = tmpfsDataDir();
    const onTmpfs = tmpfsDir === undefined ? undefined : serviceIn(tmpfsDir);
    const serviceTmpfs = onTmpfs && (await timeRuns(SAMPLES.service, () => writeThroughService(onTmpfs, keys), 0));
    // The audit lines alone, synced in the background as the service does, and synced one by one
    // before each reply, which is what the audit log did before: the cost the background sync saves.
    const directLog = appFilesIn(diskDir).audit;
    const audit = await timeRuns(SAMPLES.service, () => appendAuditLines(directLog, rows, false), 0);
    const auditSyncEach = await timeRuns(SAMPLES.syncEach, () => appendAuditLines(directLog, rows, true), 0);
    for (const log of [directLog, onDisk.files.audit, onTmpfs?.files.audit]) log?.close();

    const cLoop = Array.from({ length: SAMPLES.cLoop }, () => lib.writesMs(WRITES));
    const spawnSamples = await timeRuns(SAMPLES.spawn, spawnTrivialProcesses, 1);
    const spawnPerOp = median(spawnSamples) / SPAWNS_PER_SAMPLE;
    const spawn = spawnPerOp * OPERATIONS;

    const vsSpawn = `spawn/op ${formatMs(spawn)}`;
    const [bindingMs, serviceMs, cLoopMs] = [median(binding), median(service), median(cLoop)];
    const results = [
      write('C loop, raw calls (the limit)', cLoop, '', ''),
      {
        ...write('process per operation (/bin/true)', [spawn], `${SAMPLES.spawn} x ${SPAWNS_PER_SAMPLE} spawns, scaled`, ''),
        data: { operations: OPERATIONS, extrapolatedMs: spawn, spawnsPerSample: SPAWNS_PER_SAMPLE, samplesMs: spawnSamples },
      },
      write('binding (create + read back, delete)', binding, `C loop ${formatMs(cLoopMs)}`, `${formatTimes(bindingMs / cLoopMs)} slower`),
      write('binding', binding, vsSpawn, fasterOrSlower(spawn, bindingMs), spawn / bindingMs),
      write(`service, audit on ${fsLabel(diskDir)}`, service, vsSpawn, fasterOrSlower(spawn, serviceMs), spawn / serviceMs),
      write('  of which audit lines, synced behind them', audit, 'service on disk', share(median(audit), serviceMs)),
      write('  for comparison: audit fsync before each reply', auditSyncEach, vsSpawn, fasterOrSlower(spawn, median(auditSyncEach))),
    ];
    if (serviceTmpfs) {
      const ms = median(serviceTmpfs);
      results.push(write('service, audit on tmpfs (sync is free)', serviceTmpfs, vsSpawn, fasterOrSlower(spawn, ms), spawn / ms));
    }
    return results;
  } finally {
    backend.close();
    lib.reset();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  }
}

async function writeThroughBackend(backend: AnycastBackend, rows: readonly AnycastRow[]): Promise<void> {
  for (const row of rows) expectOk(await backend.createAnycast(row), 'createAnycast');
  for (const row of rows) expectOk(await backend.deleteAnycast(row), 'deleteAnycast');
}

/** Ends when every audit line is on the device, so the sample includes what durability costs. */
async function writeThroughService({ service, files }: { service: AnycastService; files: AppFiles }, keys: readonly AnycastKey[]): Promise<void> {
  for (const key of keys) expectOk(await service.handle('createAnycast', key), 'createAnycast');
  for (const key of keys) expectOk(await service.handle('deleteAnycast', key), 'deleteAnycast');
  await files.audit.flush();
}

/** The audit lines the service writes for these rows (intent, then outcome), straight to the log; `syncEach` waits for each change's to reach the device. */
async function appendAuditLines(log: AuditLog, rows: readonly AnycastRow[], syncEach: boolean): Promise<void> {
  let id = 0;
  for (const operation of ['create', 'delete'] as const) {
    for (const row of rows) {
      id += 1;
      await log.rotateIfFull();
      log.writeIntent({
        kind: 'intent',
        id: String(id),
        time: new Date().toISOString(),
        ...TEST_IDENTITY,
        backend: 'windows',
        operation,
        address: row.address,
        family: row.family,
        interfaceLuid: row.interfaceLuid.toString(),
        interfaceIndex: row.interfaceIndex,
        interfaceLabel: 'Ethernet 10 (index 100)',
      });
      log.writeOutcome({ kind: 'outcome', id: String(id), time: new Date().toISOString(), resultCode: 0, result: 'NO_ERROR' });
      if (syncEach) await log.flush();
    }
  }
  await log.flush();
}

function fasterOrSlower(baselineMs: number, ms: number): string {
  return ms <= baselineMs ? `${formatTimes(baselineMs / ms)} faster` : `${formatTimes(ms / baselineMs)} slower`;
}

function share(part: number, whole: number): string {
  return `${((part / whole) * 100).toFixed(0)}% of it`;
}

/** A write that failed did not do the work being timed: the number would be meaningless. */
function expectOk(result: { ok: boolean }, what: string): void {
  if (!result.ok) throw new Error(`${what} failed: ${JSON.stringify(result)}`);
}

function spawnTrivialProcesses(): void {
  for (let i = 0; i < SPAWNS_PER_SAMPLE; i++) {
    const run = spawnSync('/bin/true');
    if (run.status !== 0) throw new Error(`/bin/true did not run: ${run.error?.message ?? run.status}`);
  }
}

/** A fresh data folder on /dev/shm when that is tmpfs, else undefined (the row is left out). */
function tmpfsDataDir(): string | undefined {
  try {
    if (statfsSync('/dev/shm').type !== TMPFS_MAGIC) return undefined;
  } catch {
    return undefined;
  }
  return mkdtempSync(join('/dev/shm', 'anycast-bench-'));
}

/** Where the audit line went, and whether fsync there reaches a device. */
function fsLabel(dir: string): string {
  return `${tmpdir()} (${statfsSync(dir).type === TMPFS_MAGIC ? 'tmpfs' : 'disk'})`;
}

/** `speedup` (process-per-operation time over this one) is given for the rows the goal applies to. */
function write(name: string, samples: number[], baseline: string, ratio: string, speedup?: number): Measurement {
  const ms = median(samples);
  return {
    section: WRITES_SECTION,
    name,
    value: `${formatMs(ms)} (${formatMs(ms / OPERATIONS)}/op)`,
    baseline,
    ratio,
    goal: speedup === undefined ? '' : `>= ${GOAL}x faster`,
    met: speedup === undefined ? undefined : speedup >= GOAL,
    data: { operations: OPERATIONS, medianMs: ms, speedupOverSpawn: speedup, samplesMs: samples },
  };
}
