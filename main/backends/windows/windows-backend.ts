/**
 * The backend for a real Windows computer: the IP Helper API through koffi. Every table
 * read and every create, get and delete runs on a worker thread (windows-api.ts), so a
 * slow enumeration never holds up Electron's main thread; out and in/out parameters are
 * back in their JavaScript values when the call's promise settles.
 *
 * A refresh (snapshot) reads three tables, side by side: the interfaces (GetIfTable2Ex
 * without statistics where Windows has it), which interfaces carry IPv4 and IPv6 (one
 * GetIpInterfaceTable for both families), and the anycast table. Elevation is asked once.
 */
import type { AnycastEntry, NetworkInterface } from '../../../app/model';
import {
  ERROR_INVALID_PARAMETER,
  ERROR_NOT_FOUND,
  ERROR_NOT_SUPPORTED,
  ERROR_PROC_NOT_FOUND,
  NO_ERROR,
} from '../../../app/win32-errors';
import {
  fail,
  ok,
  type AnycastBackend,
  type AnycastRow,
  type BackendSnapshot,
  type BackendStatus,
  type CreatedRow,
  type Win32Result,
} from '../backend';
import { isElevated } from './elevation';
import { decodeWithIds, InterfaceIdCache } from './interface-ids';
import { AF_UNSPEC, anycastRowToEntry, anycastRowValue, type AnycastRowValue } from './iphlpapi-decode';
import {
  MIB_ANYCASTIPADDRESS_TABLE,
  MIB_IF_TABLE_NORMAL_WITHOUT_STATISTICS,
  MIB_IF_TABLE2,
  MIB_IPINTERFACE_TABLE,
  MIB_UNICASTIPADDRESS_TABLE,
} from './iphlpapi-types';
import { InterfaceWatch } from './interface-watch';
import { readMibTable, type MibRows } from './mib-table';
import type { NativeCallOptions } from './native-call';
import { formatSystemMessage } from './system-message';
import {
  decodeAnycastRows,
  decodeIfRows,
  decodeIpInterfaceStacks,
  decodeUnicastAddressStacks,
  type StackCarriers,
  type Stacks,
} from './table-decode';
import type { AnycastBindings } from './iphlpapi-functions';
import { loadWindowsApi, systemDirectory, systemLibraries, type WindowsApi, type WindowsLibraries } from './windows-api';

export type { WindowsLibraries } from './windows-api';

/**
 * Defaults are the DLLs in System32, by full path; tests pass the path of the C test library
 * for all three. Throws a BackendLoadError when a DLL or a function the backend needs is missing.
 */
export function createWindowsBackend(libraries?: WindowsLibraries, options: NativeCallOptions = {}): AnycastBackend {
  return new WindowsBackend(loadWindowsApi(libraries ?? systemLibraries(systemDirectory()), options));
}

/** No interface carries either stack. */
const NO_STACKS: Stacks = { ipv4: null, ipv6: null };

class WindowsBackend implements AnycastBackend {
  readonly kind = 'windows' as const;
  private loaded: WindowsApi | null;
  private readonly interfaceWatch: InterfaceWatch;
  /** Operations still running: their calls are inside the DLLs, which must stay loaded until they return. */
  private readonly running = new Set<Promise<unknown>>();
  /** A process's token does not change while it runs, so elevation is asked once. */
  private elevation: Promise<boolean> | null = null;
  /** Cleared for good once GetIfTable2Ex refuses the level without statistics (before Windows 10 1703). */
  private ifTableWithoutStatistics = true;
  private readonly messages = new Map<number, string>();

  constructor(api: WindowsApi) {
    this.loaded = api;
    this.interfaceWatch = new InterfaceWatch(api.notify);
  }

  status(): Promise<BackendStatus> {
    return this.run(async (api) => this.statusFrom(api, await this.readStacks(api)));
  }

  listInterfaces(): Promise<Win32Result<NetworkInterface[]>> {
    return this.run(async (api) => {
      const [stacks, rows] = await Promise.all([this.readStacks(api), this.readIfTable(api)]);
      return interfacesFrom(stacks, rows);
    });
  }

  listAnycast(): Promise<Win32Result<AnycastEntry[]>> {
    return this.run(async (api) => entriesFrom(api, await readAnycastTable(api), new InterfaceIdCache()));
  }

  snapshot(): BackendSnapshot {
    const api = this.api;
    const stacks = this.readStacks(api);
    const ifRows = this.readIfTable(api);
    const anycastRows = readAnycastTable(api);
    const interfaces = Promise.all([stacks, ifRows]).then(([s, rows]) => interfacesFrom(s, rows));
    const entries = Promise.all([anycastRows, interfaces.catch(() => null)]).then(([rows, listed]) => {
      // The interface table just read names both halves of every interface's identity.
      const ids = new InterfaceIdCache();
      if (listed?.ok) ids.learn(listed.value);
      return entriesFrom(api, rows, ids);
    });
    const status = stacks.then((s) => this.statusFrom(api, s));
    // Tracked only so unload waits for it; the caller awaits each part, and track handles the rejection.
    void this.track(Promise.all([status, interfaces, entries]));
    return { status, interfaces, entries };
  }

  getAnycast(row: AnycastRow): Promise<Win32Result<AnycastEntry>> {
    return this.withRow(row, (api, anycast, value) => readBack(api, anycast, value));
  }

  createAnycast(row: AnycastRow): Promise<Win32Result<CreatedRow>> {
    return this.withRow(row, async (api, anycast, value) => {
      const code = await anycast.CreateAnycastIpAddressEntry(value);
      if (code !== NO_ERROR) return fail(code);
      // Read the row back: Windows ignores the ScopeId given and fills in its own.
      const stored = await readBack(api, anycast, value);
      return ok(stored.ok ? { readBack: 'ok', entry: stored.value } : { readBack: 'failed', code: stored.code });
    });
  }

  deleteAnycast(row: AnycastRow): Promise<Win32Result<null>> {
    return this.withRow(row, async (_api, anycast, value) => {
      const code = await anycast.DeleteAnycastIpAddressEntry(value);
      return code === NO_ERROR ? ok(null) : fail(code);
    });
  }

  /** Kept per code: FormatMessageW runs on the calling thread, so each text is read from the DLL once. */
  systemMessage(code: number): string {
    let text = this.messages.get(code);
    if (text === undefined) this.messages.set(code, (text = formatSystemMessage(this.api.kernel32, code)));
    return text;
  }

  watchInterfaces(listener: () => void): () => void {
    if (!this.loaded) throw new Error('The Windows backend is closed.');
    return this.interfaceWatch.watch(listener);
  }

  close(): void {
    const api = this.loaded;
    if (!api) return;
    this.loaded = null;
    // Operations and cancels still running are inside the DLLs: unload once they have returned.
    void Promise.all([this.interfaceWatch.close(), ...this.running]).then(() => api.unload());
  }

  /** Calling into an unloaded library would crash the process; a closed backend throws instead. */
  private get api(): WindowsApi {
    if (!this.loaded) throw new Error('The Windows backend is closed.');
    return this.loaded;
  }

  /** Starts an operation on the open libraries and keeps them loaded until it has finished. */
  private run<T>(operation: (api: WindowsApi) => Promise<T>): Promise<T> {
    const api = this.loaded;
    if (!api) return Promise.reject(new Error('The Windows backend is closed.'));
    return this.track(operation(api));
  }

  private track<T>(operation: Promise<T>): Promise<T> {
    const finished = operation.then(
      () => undefined,
      () => undefined,
    );
    this.running.add(finished);
    void finished.then(() => this.running.delete(finished));
    return operation;
  }

  private async statusFrom(api: WindowsApi, stacks: Win32Result<Stacks>): Promise<BackendStatus> {
    return {
      platform: process.platform,
      elevated: await this.elevated(api),
      anycastApi: api.anycast !== null,
      // A failed query proves nothing about the stacks: they are then taken as present.
      ipv4Stack: !stacks.ok || stacks.value.ipv4 !== null,
      ipv6Stack: !stacks.ok || stacks.value.ipv6 !== null,
    };
  }

  private elevated(api: WindowsApi): Promise<boolean> {
    this.elevation ??= isElevated(api.advapi32).catch((fault: unknown) => {
      this.elevation = null;
      throw fault;
    });
    return this.elevation;
  }

  /**
   * The row as Windows takes it. Without the anycast exports every row operation is
   * ERROR_PROC_NOT_FOUND; text that is not an address of the row's family cannot be
   * put in a SOCKADDR_INET and is what Windows calls ERROR_INVALID_PARAMETER.
   */
  private withRow<T>(
    row: AnycastRow,
    call: (api: WindowsApi, anycast: AnycastBindings, value: AnycastRowValue) => Promise<Win32Result<T>>,
  ): Promise<Win32Result<T>> {
    return this.run(async (api) => {
      const anycast = api.anycast;
      if (!anycast) return fail(ERROR_PROC_NOT_FOUND);
      const value = anycastRowValue(row);
      return value ? call(api, anycast, value) : fail(ERROR_INVALID_PARAMETER);
    });
  }

  private readIfTable(api: WindowsApi): Promise<Win32Result<MibRows>> {
    const { iphlpapi, ifTable2Ex } = api;
    const plain = () => readMibTable(iphlpapi.FreeMibTable, (table) => iphlpapi.GetIfTable2(table), MIB_IF_TABLE2);
    if (!ifTable2Ex || !this.ifTableWithoutStatistics) return plain();
    return readMibTable(
      iphlpapi.FreeMibTable,
      (table) => ifTable2Ex.GetIfTable2Ex(MIB_IF_TABLE_NORMAL_WITHOUT_STATISTICS, table),
      MIB_IF_TABLE2,
    ).then((rows) => {
      if (rows.ok || rows.code !== ERROR_INVALID_PARAMETER) return rows;
      this.ifTableWithoutStatistics = false;
      return plain();
    });
  }

  /**
   * Which interfaces carry IPv4 and IPv6, from one GetIpInterfaceTable(AF_UNSPEC): a row per
   * interface and family. Where it answers ERROR_NOT_SUPPORTED (Wine 8's stub does, for every
   * family), the unicast address table stands in, one read for both families as well: an
   * interface with an address of a family carries that stack. A stack no interface carries
   * counts as absent: Windows puts every stack it has on the loopback interface at least.
   */
  private async readStacks({ iphlpapi }: WindowsApi): Promise<Win32Result<Stacks>> {
    const carriers = await readMibTable(iphlpapi.FreeMibTable, (table) => iphlpapi.GetIpInterfaceTable(AF_UNSPEC, table), MIB_IPINTERFACE_TABLE);
    if (carriers.ok) return ok(stacksFrom(decodeIpInterfaceStacks(carriers.value)));
    if (carriers.code === ERROR_NOT_FOUND) return ok(NO_STACKS);
    if (carriers.code !== ERROR_NOT_SUPPORTED) return carriers;
    const addressed = await readMibTable(
      iphlpapi.FreeMibTable,
      (table) => iphlpapi.GetUnicastIpAddressTable(AF_UNSPEC, table),
      MIB_UNICASTIPADDRESS_TABLE,
    );
    if (addressed.ok) return ok(stacksFrom(decodeUnicastAddressStacks(addressed.value)));
    // No rows may come back as ERROR_NOT_FOUND, and ERROR_NOT_SUPPORTED is the stacks absent again.
    return addressed.code === ERROR_NOT_FOUND || addressed.code === ERROR_NOT_SUPPORTED ? ok(NO_STACKS) : addressed;
  }
}

/** GetAnycastIpAddressEntry fills in `value` (in/out) before its promise settles. */
async function readBack(api: WindowsApi, anycast: AnycastBindings, value: AnycastRowValue): Promise<Win32Result<AnycastEntry>> {
  const code = await anycast.GetAnycastIpAddressEntry(value);
  if (code !== NO_ERROR) return fail(code);
  return ok(await decodeWithIds(new InterfaceIdCache(), api.iphlpapi, (ids) => anycastRowToEntry(value, ids)));
}

/** Windows may answer "no rows" with ERROR_NOT_FOUND instead of an empty table; null without the anycast functions. */
async function readAnycastTable({ anycast, iphlpapi }: WindowsApi): Promise<Win32Result<MibRows> | null> {
  if (!anycast) return null;
  const rows = await readMibTable(iphlpapi.FreeMibTable, (table) => anycast.GetAnycastIpAddressTable(AF_UNSPEC, table), MIB_ANYCASTIPADDRESS_TABLE);
  return !rows.ok && rows.code === ERROR_NOT_FOUND ? ok(EMPTY_ROWS) : rows;
}

/** No anycast table (the functions are missing) lists as no entries; status says why. */
async function entriesFrom(api: WindowsApi, rows: Win32Result<MibRows> | null, ids: InterfaceIdCache): Promise<Win32Result<AnycastEntry[]>> {
  if (rows === null) return ok([]);
  if (!rows.ok) return rows;
  return ok(await decodeWithIds(ids, api.iphlpapi, (known) => decodeAnycastRows(rows.value, known)));
}

const EMPTY_ROWS: MibRows = { bytes: new Uint8Array(0), view: new DataView(new ArrayBuffer(0)), count: 0, stride: 0 };

function stacksFrom({ ipv4, ipv6 }: StackCarriers): Stacks {
  return { ipv4: ipv4.size > 0 ? ipv4 : null, ipv6: ipv6.size > 0 ? ipv6 : null };
}

function interfacesFrom(stacks: Win32Result<Stacks>, rows: Win32Result<MibRows>): Win32Result<NetworkInterface[]> {
  if (!stacks.ok) return stacks;
  if (!rows.ok) return rows;
  return ok(decodeIfRows(rows.value, stacks.value));
}
