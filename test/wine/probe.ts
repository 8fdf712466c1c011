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
  /** Reached once watchInterfaces has subscribed and unsubscribed without throwing. */
  watched: boolean;
  /** The backend over the C test library built for Windows. */
  overTestLibrary: TestLibraryResult;
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
    // NotifyIpInterfaceChange and the cancel on a worker thread, then close() unloading after it.
    backend.watchInterfaces(() => undefined)();
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
      watched: true,
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
