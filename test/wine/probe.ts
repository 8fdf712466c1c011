/**
 * Runs inside the Windows build of Node under Wine: drives the real Windows backend,
 * whose calls run on worker threads, against Wine's DLLs, and then against the C test
 * library built as a Windows DLL (argv[3]), which has the anycast functions Wine lacks;
 * writes what they answered, as JSON, to the path in argv[2]. Any exception is left to
 * crash the process: a non-zero exit is what the test reports.
 */
import { writeFileSync } from 'node:fs';
import koffi from 'koffi';
import type { AnycastEntry, NetworkInterface } from '../../app/model';
import { ERROR_PROC_NOT_FOUND } from '../../app/win32-errors';
import type { AnycastBackend, AnycastRow, BackendStatus, CreatedRow, Win32Result } from '../../main/backends/backend';
import { COALESCE_MS } from '../../main/backends/windows/interface-watch';
import { IF_OPER_STATUS } from '../../main/backends/windows/iphlpapi-decode';
import { systemDirectory } from '../../main/backends/windows/windows-api';
import { createWindowsBackend } from '../../main/backends/windows/windows-backend';

interface Snapshot {
  status: BackendStatus;
  interfaces: Win32Result<NetworkInterface[]>;
  entries: Win32Result<AnycastEntry[]>;
}

export interface ProbeResult {
  status: BackendStatus;
  interfaces: Win32Result<NetworkInterface[]>;
  anycast: Win32Result<AnycastEntry[]>;
  /** The same three, from one snapshot. */
  snapshot: Snapshot;
  /** The row given to create, get and delete, LUID as a decimal string. */
  row: Omit<AnycastRow, 'interfaceLuid'> & { interfaceLuid: string };
  create: Win32Result<CreatedRow>;
  get: Win32Result<AnycastEntry>;
  delete: Win32Result<null>;
  procNotFoundMessage: string;
  /** The System32 folder Windows reported, which the backend's default library paths name. */
  systemDirectory: string;
  /** watchInterfaces over Wine's own NotifyIpInterfaceChange and CancelMibChangeNotify2. */
  watch: WatchObservation;
  /** The backend over the C test library built for Windows. */
  overTestLibrary: TestLibraryResult;
}

/**
 * koffi callback slots around one watchInterfaces: the binding takes one when
 * NotifyIpInterfaceChange accepts the registration and gives it back only once
 * CancelMibChangeNotify2, on a worker thread, has returned NO_ERROR.
 */
export interface WatchObservation {
  slotsBefore: number;
  slotsWhileWatching: number;
  slotsAfterCancel: number;
}

export interface TestLibraryResult {
  status: BackendStatus;
  /** fe80::48 named by index only: the row read back (in/out) names the LUID and ScopeId. */
  create: Win32Result<CreatedRow>;
  /** Listed and read with rows that carry only one of LUID and index: ConvertInterface* fills in the other. */
  sparseList: Win32Result<AnycastEntry[]>;
  sparseGet: Win32Result<AnycastEntry>;
  snapshot: Snapshot;
  /** Get*Table calls the snapshot made. */
  snapshotTableReads: number;
  delete: Win32Result<null>;
  outstandingTables: number;
  outstandingSids: number;
  /** Changes heard from the library's own (Windows) thread while watching, and once it had stopped. */
  notificationsWhileWatching: number;
  notificationsAfterStop: number;
  activeNotificationsAfterStop: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `done` for up to five seconds: a cancel runs on a worker thread and returns when it returns. */
async function waitFor(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!done() && Date.now() < deadline) await sleep(10);
}

async function observeWatch(backend: AnycastBackend): Promise<WatchObservation> {
  const slotsBefore = koffi.stats().callbacks;
  const stop = backend.watchInterfaces(() => undefined);
  const slotsWhileWatching = koffi.stats().callbacks;
  stop();
  await waitFor(() => koffi.stats().callbacks === slotsBefore);
  return { slotsBefore, slotsWhileWatching, slotsAfterCancel: koffi.stats().callbacks };
}

async function readSnapshot(backend: AnycastBackend): Promise<Snapshot> {
  const parts = backend.snapshot();
  const [status, interfaces, entries] = await Promise.all([parts.status, parts.interfaces, parts.entries]);
  return { status, interfaces, entries };
}

async function probeWine(): Promise<Omit<ProbeResult, 'overTestLibrary'>> {
  const backend = createWindowsBackend();
  try {
    const status = await backend.status();
    const interfaces = await backend.listInterfaces();
    const anycast = await backend.listAnycast();
    const snapshot = await readSnapshot(backend);
    // A row that is valid on any host: a documentation address (RFC 5737) on the first listed interface.
    const target = interfaces.ok ? interfaces.value[0] : undefined;
    const row: AnycastRow = {
      address: '198.51.100.7',
      family: 'ipv4',
      interfaceLuid: BigInt(target?.luid ?? '0'),
      interfaceIndex: target?.index ?? 1,
      scopeId: 0,
    };
    const create = await backend.createAnycast(row);
    const get = await backend.getAnycast(row);
    const deleted = await backend.deleteAnycast(row);
    const watch = await observeWatch(backend);
    return {
      status,
      interfaces,
      anycast,
      snapshot,
      row: { ...row, interfaceLuid: row.interfaceLuid.toString() },
      create,
      get,
      delete: deleted,
      procNotFoundMessage: backend.systemMessage(ERROR_PROC_NOT_FOUND),
      systemDirectory: systemDirectory(),
      watch,
    };
  } finally {
    backend.close();
  }
}

async function probeTestLibrary(path: string): Promise<TestLibraryResult> {
  const lib = koffi.load(path);
  const control = {
    reset: lib.func('FakeReset', 'void', []),
    sparseRows: lib.func('FakeSetSparseRows', 'void', ['int32_t']),
    tableReads: lib.func('FakeTableReads', 'int64_t', []),
    outstandingTables: lib.func('FakeOutstandingTables', 'int64_t', []),
    outstandingSids: lib.func('FakeOutstandingSids', 'int64_t', []),
    setOperStatus: lib.func('FakeSetOperStatus', 'int32_t', ['uint32_t', 'uint32_t']),
    activeNotifications: lib.func('FakeActiveNotifications', 'int64_t', []),
  };
  control.reset();
  const backend = createWindowsBackend({ iphlpapi: path, kernel32: path, advapi32: path });
  try {
    const status = await backend.status();
    const byIndex: AnycastRow = { address: 'fe80::48', family: 'ipv6', interfaceLuid: 0n, interfaceIndex: 12, scopeId: 0 };
    const create = await backend.createAnycast(byIndex);
    control.sparseRows(1);
    const sparseList = await backend.listAnycast();
    const sparseGet = await backend.getAnycast(byIndex);
    control.sparseRows(0);
    const reads = Number(control.tableReads());
    const snapshot = await readSnapshot(backend);
    const snapshotTableReads = Number(control.tableReads()) - reads;
    const deleted = await backend.deleteAnycast(byIndex);
    let heard = 0;
    const stop = backend.watchInterfaces(() => heard++);
    // Interface 12 goes down and up: the library calls back from a thread of its own; dispatch waits COALESCE_MS.
    control.setOperStatus(12, IF_OPER_STATUS.down);
    await waitFor(() => heard > 0);
    const notificationsWhileWatching = heard;
    stop();
    await waitFor(() => Number(control.activeNotifications()) === 0);
    control.setOperStatus(12, IF_OPER_STATUS.up);
    await sleep(COALESCE_MS + 250);
    return {
      status,
      create,
      sparseList,
      sparseGet,
      snapshot,
      snapshotTableReads,
      delete: deleted,
      outstandingTables: Number(control.outstandingTables()),
      outstandingSids: Number(control.outstandingSids()),
      notificationsWhileWatching,
      notificationsAfterStop: heard - notificationsWhileWatching,
      activeNotificationsAfterStop: Number(control.activeNotifications()),
    };
  } finally {
    backend.close();
  }
}

async function probe(): Promise<ProbeResult> {
  const wine = await probeWine();
  return { ...wine, overTestLibrary: await probeTestLibrary(process.argv[3]!) };
}

void probe().then((result) => writeFileSync(process.argv[2]!, JSON.stringify(result, null, 2)));
