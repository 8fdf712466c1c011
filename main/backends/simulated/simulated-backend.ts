/**
 * An in-memory computer with the semantics of the API document: LUID before
 * index, ScopeId filled from the interface, one copy of an address per interface,
 * stacks per interface, and administrator rights required for writes.
 */
import { isIPv6LinkLocal, validateAnycastAddress } from '../../../app/address-validation';
import type { AnycastEntry, NetworkInterface, OperStatus } from '../../../app/model';
import {
  ERROR_ACCESS_DENIED,
  ERROR_INVALID_PARAMETER,
  ERROR_FILE_NOT_FOUND,
  ERROR_NOT_FOUND,
  ERROR_NOT_SUPPORTED,
  ERROR_OBJECT_ALREADY_EXISTS,
} from '../../../app/win32-errors';
import {
  fail,
  ok,
  timed,
  type AnycastBackend,
  type TableTiming,
  type AnycastRow,
  type BackendSnapshot,
  type BackendStatus,
  type CreatedRow,
  type Win32Result,
} from '../backend';
import { ChangeListeners } from '../change-listeners';
import { largeInterfaces, SEED_ANYCAST, seedInterfaces, type SeedInterface } from './seed';
import { simulatedSystemMessage } from './system-messages';

export interface SimulatedOptions {
  /** Act as a process without administrator rights: writes fail with ERROR_ACCESS_DENIED. */
  elevated?: boolean;
  /** Machine-wide stacks; an interface has a stack only if the machine does too. */
  ipv4Stack?: boolean;
  ipv6Stack?: boolean;
  interfaces?: SeedInterface[];
  /** Start with the demo entries (default) or empty. */
  seedEntries?: boolean;
}

export class SimulatedBackend implements AnycastBackend {
  readonly kind = 'simulated' as const;
  /** No system library is loaded, so there are no exports to report. */
  readonly exports = [];
  private readonly interfaces: SeedInterface[];
  private readonly entries = new Map<string, AnycastEntry>();
  private readonly elevated: boolean;
  private readonly ipv4Stack: boolean;
  private readonly ipv6Stack: boolean;
  /** Notified on the next turn of the event loop, as a system thread's notification would arrive. */
  private readonly listeners = new ChangeListeners(0);

  constructor(options: SimulatedOptions = {}) {
    this.elevated = options.elevated ?? true;
    this.ipv4Stack = options.ipv4Stack ?? true;
    this.ipv6Stack = options.ipv6Stack ?? true;
    this.interfaces = (options.interfaces ?? seedInterfaces()).map((i) => ({
      ...i,
      ipv4: i.ipv4 && this.ipv4Stack,
      ipv6: i.ipv6 && this.ipv6Stack,
    }));
    if (options.seedEntries ?? true) this.seedDemoEntries();
  }

  /** A machine with `interfaces` adapters and `entries` anycast rows, for scale demos. */
  static large(interfaces: number, entries: number, options: Omit<SimulatedOptions, 'interfaces' | 'seedEntries'> = {}) {
    const backend = new SimulatedBackend({ ...options, interfaces: largeInterfaces(interfaces), seedEntries: false });
    backend.fill(entries);
    return backend;
  }

  async status(): Promise<BackendStatus> {
    return { platform: 'simulated', elevated: this.elevated, anycastApi: true, ipv4Stack: this.ipv4Stack, ipv6Stack: this.ipv6Stack };
  }

  async listInterfaces(): Promise<Win32Result<NetworkInterface[]>> {
    return ok(this.interfaces.map((i) => ({ ...i, luid: i.luid.toString() })));
  }

  async listAnycast(): Promise<Win32Result<AnycastEntry[]>> {
    return ok([...this.entries.values()].map((e) => ({ ...e })));
  }

  snapshot(): BackendSnapshot {
    return { status: this.status(), interfaces: this.listInterfaces(), entries: this.listAnycast() };
  }

  async getAnycast(row: AnycastRow): Promise<Win32Result<AnycastEntry>> {
    const found = this.resolve(row);
    // GetAnycastIpAddressEntry documents ERROR_FILE_NOT_FOUND for an interface not on this machine.
    if (!found.ok) return found.code === ERROR_NOT_FOUND ? fail(ERROR_FILE_NOT_FOUND) : found;
    const entry = this.entries.get(key(found.value.iface, found.value.address));
    return entry ? ok({ ...entry }) : fail(ERROR_NOT_FOUND);
  }

  /** The entry is in memory, so reading it back cannot fail. */
  async createAnycast(row: AnycastRow): Promise<Win32Result<CreatedRow>> {
    const created = this.create(row);
    return created.ok ? ok({ readBack: 'ok', entry: created.value }) : created;
  }

  async deleteAnycast(row: AnycastRow): Promise<Win32Result<null>> {
    const found = this.resolve(row);
    if (!found.ok) return found;
    if (!this.elevated) return fail(ERROR_ACCESS_DENIED);
    return this.entries.delete(key(found.value.iface, found.value.address)) ? ok(null) : fail(ERROR_NOT_FOUND);
  }

  /** The in-memory tables. */
  async timeTableReads(): Promise<TableTiming[]> {
    const count = <T>(list: Win32Result<T[]>) => (list.ok ? ok(list.value.length) : list);
    return [
      await timed('ip-interfaces', async () => ok(null)),
      await timed('interfaces', async () => count(await this.listInterfaces())),
      await timed('anycast', async () => count(await this.listAnycast())),
    ];
  }

  systemMessage(code: number): string {
    return simulatedSystemMessage(code);
  }

  watchInterfaces(listener: () => void): () => void {
    const remove = this.listeners.add(listener);
    return () => void remove();
  }

  /**
   * Demos and tests: the interface with this alias goes up or down, as a cable or a
   * driver would make it, and watchers hear of it. false when no interface has the alias.
   */
  setOperStatus(alias: string, status: OperStatus): boolean {
    const iface = this.interfaces.find((i) => i.alias === alias);
    if (!iface) return false;
    iface.operStatus = status;
    this.listeners.notify();
    return true;
  }

  close(): void {
    this.listeners.clear();
  }

  /** `asSystem` seeds the machine the way Windows itself would, whatever the app's own rights. */
  private create(row: AnycastRow, asSystem = false): Win32Result<AnycastEntry> {
    const found = this.resolve(row);
    if (!found.ok) return found;
    const { iface, address } = found.value;
    if (!this.elevated && !asSystem) return fail(ERROR_ACCESS_DENIED);
    if (!(row.family === 'ipv4' ? iface.ipv4 : iface.ipv6)) return fail(ERROR_NOT_SUPPORTED);
    const id = key(iface, address);
    if (this.entries.has(id)) return fail(ERROR_OBJECT_ALREADY_EXISTS);
    const entry: AnycastEntry = {
      address,
      family: row.family,
      interfaceLuid: iface.luid.toString(),
      interfaceIndex: iface.index,
      scopeId: row.family === 'ipv6' && isIPv6LinkLocal(address) ? iface.index : 0,
    };
    this.entries.set(id, entry);
    return ok({ ...entry });
  }

  /**
   * The document's order: the address must be a valid unicast address of the row's
   * family, then the LUID decides if non-zero, else the index. Addresses compare as
   * binary values, so the canonical text is the key.
   */
  private resolve(row: AnycastRow): Win32Result<{ iface: SeedInterface; address: string }> {
    const check = validateAnycastAddress(row.address);
    if (!check.ok || check.family !== row.family || row.address.includes('%')) return fail(ERROR_INVALID_PARAMETER);
    if (row.interfaceLuid === 0n && row.interfaceIndex === 0) return fail(ERROR_INVALID_PARAMETER);
    const iface =
      row.interfaceLuid !== 0n
        ? this.interfaces.find((i) => i.luid === row.interfaceLuid)
        : this.interfaces.find((i) => i.index === row.interfaceIndex);
    return iface ? ok({ iface, address: check.address }) : fail(ERROR_NOT_FOUND);
  }

  private seedDemoEntries(): void {
    for (const { address, alias } of SEED_ANYCAST) {
      const iface = this.interfaces.find((i) => i.alias === alias);
      if (!iface) continue;
      const family = address.includes(':') ? 'ipv6' : 'ipv4';
      this.create({ address, family, interfaceLuid: iface.luid, interfaceIndex: 0, scopeId: 0 }, true);
    }
  }

  private fill(count: number): void {
    for (let n = 0; n < count; n++) {
      const iface = this.interfaces[n % this.interfaces.length]!;
      const host = Math.floor(n / this.interfaces.length);
      const address = `10.${(host >> 8) & 0xff}.${host & 0xff}.${(n % 250) + 1}`;
      this.create({ address, family: 'ipv4', interfaceLuid: iface.luid, interfaceIndex: 0, scopeId: 0 }, true);
    }
  }
}

function key(iface: SeedInterface, address: string): string {
  return `${iface.luid}/${address}`;
}
