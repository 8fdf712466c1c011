/**
 * The backend for a real Windows computer: the IP Helper API through koffi.
 * Calls are synchronous (each is a quick kernel query); the methods are async to
 * share the AnycastBackend interface with the simulated backend.
 */
import type { AnycastEntry, NetworkInterface } from '../../../app/model';
import {
  ERROR_INVALID_PARAMETER,
  ERROR_NOT_FOUND,
  ERROR_NOT_SUPPORTED,
  ERROR_PROC_NOT_FOUND,
  NO_ERROR,
} from '../../../app/win32-errors';
import { fail, ok, type AnycastBackend, type AnycastRow, type BackendStatus, type Win32Result } from '../backend';
import { isElevated } from './elevation';
import {
  AF_INET,
  AF_INET6,
  AF_UNSPEC,
  anycastRowToEntry,
  anycastRowValue,
  toLuid,
  type AnycastRowValue,
  type InterfaceIds,
  type U64Value,
} from './iphlpapi-decode';
import { MIB_ANYCASTIPADDRESS_TABLE, MIB_IF_TABLE2, MIB_IPINTERFACE_TABLE, MIB_UNICASTIPADDRESS_TABLE } from './iphlpapi-types';
import { InterfaceWatch } from './interface-watch';
import { readMibTable } from './mib-table';
import { formatSystemMessage } from './system-message';
import { decodeAnycastRows, decodeIfRows, decodeIpInterfaceLuids, decodeUnicastAddressLuids } from './table-decode';
import {
  loadWindowsApi,
  systemDirectory,
  systemLibraries,
  type AnycastBindings,
  type Out,
  type WindowsApi,
  type WindowsLibraries,
} from './windows-api';

export type { WindowsLibraries } from './windows-api';

/** Defaults are the DLLs in System32, by full path; tests pass the path of the C test library for all three. */
export function createWindowsBackend(libraries?: WindowsLibraries): AnycastBackend {
  return new WindowsBackend(loadWindowsApi(libraries ?? systemLibraries(systemDirectory())));
}

/** The LUIDs of the interfaces that carry a stack, or null when the machine has no such stack. */
type StackMembers = ReadonlySet<bigint> | null;

class WindowsBackend implements AnycastBackend {
  readonly kind = 'windows' as const;
  private loaded: WindowsApi | null;
  private readonly interfaceWatch: InterfaceWatch;
  /** Domain entries name both the LUID and the index; Windows converts when a row carries only one. */
  private readonly interfaceIds: InterfaceIds = {
    luidOf: (index) => {
      const found: Out<U64Value> = [0];
      return this.api.iphlpapi.ConvertInterfaceIndexToLuid(index, found) === NO_ERROR ? toLuid(found[0]) : null;
    },
    indexOf: (luid) => {
      const found: Out<number> = [0];
      return this.api.iphlpapi.ConvertInterfaceLuidToIndex([luid], found) === NO_ERROR ? found[0] : null;
    },
  };

  constructor(api: WindowsApi) {
    this.loaded = api;
    this.interfaceWatch = new InterfaceWatch(api.notify);
  }

  async status(): Promise<BackendStatus> {
    const ipv4 = this.stackMembers(AF_INET);
    const ipv6 = this.stackMembers(AF_INET6);
    return {
      platform: process.platform,
      elevated: isElevated(this.api.advapi32),
      anycastApi: this.api.anycast !== null,
      // Only ERROR_NOT_SUPPORTED says a stack is absent; a query that failed otherwise proves nothing.
      ipv4Stack: !ipv4.ok || ipv4.value !== null,
      ipv6Stack: !ipv6.ok || ipv6.value !== null,
    };
  }

  async listInterfaces(): Promise<Win32Result<NetworkInterface[]>> {
    const ipv4 = this.stackMembers(AF_INET);
    if (!ipv4.ok) return ipv4;
    const ipv6 = this.stackMembers(AF_INET6);
    if (!ipv6.ok) return ipv6;
    const { iphlpapi } = this.api;
    return readMibTable(iphlpapi.FreeMibTable, (table) => iphlpapi.GetIfTable2(table), MIB_IF_TABLE2, (rows) =>
      decodeIfRows(rows, { ipv4: ipv4.value, ipv6: ipv6.value }),
    );
  }

  async listAnycast(): Promise<Win32Result<AnycastEntry[]>> {
    const anycast = this.api.anycast;
    if (!anycast) return ok([]);
    const entries = readMibTable(
      this.api.iphlpapi.FreeMibTable,
      (table) => anycast.GetAnycastIpAddressTable(AF_UNSPEC, table),
      MIB_ANYCASTIPADDRESS_TABLE,
      (rows) => decodeAnycastRows(rows, this.interfaceIds),
    );
    // Windows may answer "no rows" with ERROR_NOT_FOUND instead of an empty table.
    return !entries.ok && entries.code === ERROR_NOT_FOUND ? ok([]) : entries;
  }

  async getAnycast(row: AnycastRow): Promise<Win32Result<AnycastEntry>> {
    return this.withRow(row, (anycast, value) => this.readBack(anycast, value));
  }

  async createAnycast(row: AnycastRow): Promise<Win32Result<AnycastEntry>> {
    return this.withRow(row, (anycast, value) => {
      const code = anycast.CreateAnycastIpAddressEntry(value);
      // Read the row back: Windows ignores the ScopeId given and fills in its own.
      return code === NO_ERROR ? this.readBack(anycast, value) : fail(code);
    });
  }

  async deleteAnycast(row: AnycastRow): Promise<Win32Result<null>> {
    return this.withRow(row, (anycast, value) => {
      const code = anycast.DeleteAnycastIpAddressEntry(value);
      return code === NO_ERROR ? ok(null) : fail(code);
    });
  }

  systemMessage(code: number): string {
    return formatSystemMessage(this.api.kernel32, code);
  }

  watchInterfaces(listener: () => void): () => void {
    if (!this.loaded) throw new Error('The Windows backend is closed.');
    return this.interfaceWatch.watch(listener);
  }

  close(): void {
    const api = this.loaded;
    if (!api) return;
    this.loaded = null;
    // A cancel still running on a worker thread is inside iphlpapi: unload once it has returned.
    void this.interfaceWatch.close().then(() => api.unload());
  }

  /** Calling into an unloaded library would crash the process; a closed backend throws instead. */
  private get api(): WindowsApi {
    if (!this.loaded) throw new Error('The Windows backend is closed.');
    return this.loaded;
  }

  /**
   * The row as Windows takes it. Without the anycast exports every row operation is
   * ERROR_PROC_NOT_FOUND; text that is not an address of the row's family cannot be
   * put in a SOCKADDR_INET and is what Windows calls ERROR_INVALID_PARAMETER.
   */
  private withRow<T>(row: AnycastRow, call: (anycast: AnycastBindings, value: AnycastRowValue) => Win32Result<T>): Win32Result<T> {
    const anycast = this.api.anycast;
    if (!anycast) return fail(ERROR_PROC_NOT_FOUND);
    const value = anycastRowValue(row);
    return value ? call(anycast, value) : fail(ERROR_INVALID_PARAMETER);
  }

  private readBack(anycast: AnycastBindings, value: AnycastRowValue): Win32Result<AnycastEntry> {
    const code = anycast.GetAnycastIpAddressEntry(value);
    return code === NO_ERROR ? ok(anycastRowToEntry(value, this.interfaceIds)) : fail(code);
  }

  /**
   * GetIpInterfaceTable names the interfaces that carry a family's stack (none, when it
   * answers ERROR_NOT_FOUND, which it documents as "no entries for that family"). Where it answers
   * ERROR_NOT_SUPPORTED, the interfaces with a unicast address of the family count instead:
   * on Windows that answer means the stack is absent from the machine, and then no interface
   * has such an address either, so the two agree; Wine 8 gives that answer for both families
   * (the function is a stub) but lists the host's addresses, which tell the stacks apart.
   */
  private stackMembers(family: typeof AF_INET | typeof AF_INET6): Win32Result<StackMembers> {
    const { iphlpapi } = this.api;
    const carriers = readMibTable(
      iphlpapi.FreeMibTable,
      (table) => iphlpapi.GetIpInterfaceTable(family, table),
      MIB_IPINTERFACE_TABLE,
      decodeIpInterfaceLuids,
    );
    // ERROR_NOT_FOUND: the stack is there, but no interface carries it.
    if (!carriers.ok && carriers.code === ERROR_NOT_FOUND) return ok(new Set());
    if (carriers.ok || carriers.code !== ERROR_NOT_SUPPORTED) return carriers;
    const addressed = readMibTable(
      iphlpapi.FreeMibTable,
      (table) => iphlpapi.GetUnicastIpAddressTable(family, table),
      MIB_UNICASTIPADDRESS_TABLE,
      decodeUnicastAddressLuids,
    );
    // The machine has the stack if any interface has an address of the family.
    if (addressed.ok) return ok(addressed.value.size > 0 ? addressed.value : null);
    // No rows may come back as ERROR_NOT_FOUND, and ERROR_NOT_SUPPORTED is the stack absent again.
    return addressed.code === ERROR_NOT_FOUND || addressed.code === ERROR_NOT_SUPPORTED ? ok(null) : addressed;
  }
}
