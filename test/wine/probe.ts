/**
 * Runs inside the Windows build of Node under Wine: drives the real Windows
 * backend against Wine's DLLs and writes what it answered, as JSON, to the
 * path in argv[2]. Any exception is left to crash the process: a non-zero exit
 * is what the test reports.
 */
import { writeFileSync } from 'node:fs';
import type { AnycastEntry, NetworkInterface } from '../../app/model';
import { ERROR_PROC_NOT_FOUND } from '../../app/win32-errors';
import type { AnycastRow, BackendStatus, CreatedRow, Win32Result } from '../../main/backends/backend';
import { systemDirectory } from '../../main/backends/windows/windows-api';
import { createWindowsBackend } from '../../main/backends/windows/windows-backend';

export interface ProbeResult {
  status: BackendStatus;
  interfaces: Win32Result<NetworkInterface[]>;
  anycast: Win32Result<AnycastEntry[]>;
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
}

async function probe(): Promise<ProbeResult> {
  const backend = createWindowsBackend();
  try {
    const status = await backend.status();
    const interfaces = await backend.listInterfaces();
    const anycast = await backend.listAnycast();
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

void probe().then((result) => writeFileSync(process.argv[2]!, JSON.stringify(result, null, 2)));
