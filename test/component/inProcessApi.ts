/**
 * The app's API for component tests, in process: every request goes to the real
 * AnycastService over the SimulatedBackend, as the browser preview runs them, so the
 * rules, codes and words the components show are the service's and the catalogue's,
 * not a copy. What the simulated computer cannot do on its own is made where Windows
 * would do it: a backend call answers with a Win32 code, the row read back fails, the
 * anycast exports are missing, or the audit outcome cannot be written.
 */
import { vi } from 'vitest';
import type { AuditRecord } from '../../app/audit';
import { methods } from '../../app/ipc-channels';
import type { AnycastApi, Method, Reply } from '../../app/ipc-contract';
import type { AnycastEntry, NetworkInterface, SystemStatus } from '../../app/model';
import type { SavedEntry } from '../../app/saved-set';
import { fail, ok, type AnycastBackend, type AnycastRow, type BackendSnapshot } from '../../main/backends/backend';
import { seedInterfaces } from '../../main/backends/simulated/seed';
import { SimulatedBackend } from '../../main/backends/simulated/simulated-backend';
import { AnycastService } from '../../main/service/anycast-service';
import { testServiceOptions } from '../support/service-options';

/** The simulated computer's interfaces, as the API lists them. */
export const INTERFACES: NetworkInterface[] = seedInterfaces().map((i) => ({ ...i, luid: i.luid.toString() }));
const byAlias = (alias: string) => INTERFACES.find((i) => i.alias === alias)!;
export const ETHERNET = byAlias('Ethernet');
export const WIFI = byAlias('Wi-Fi');
export const TEREDO = byAlias('Teredo Tunneling Pseudo-Interface');
export const LAB = byAlias('vEthernet (Lab)');

const entryOn = (address: string, family: AnycastEntry['family'], iface: NetworkInterface): AnycastEntry => ({
  address, family, interfaceLuid: iface.luid, interfaceIndex: iface.index, scopeId: 0,
});

/** The simulated computer's demo entries (the first two), and one on Wi-Fi that the app added earlier. */
export const SEED_ENTRIES: AnycastEntry[] = [
  entryOn('192.0.2.53', 'ipv4', ETHERNET),
  entryOn('2001:db8:53::53', 'ipv6', ETHERNET),
  entryOn('198.51.100.7', 'ipv4', WIFI),
];

export const IDENTITY = { machine: 'PC-HELPDESK-07', user: 'CONTOSO\\tech1' };

type BackendCall = 'listInterfaces' | 'listAnycast' | 'getAnycast' | 'createAnycast' | 'deleteAnycast';

export interface InProcessOptions {
  /** Run as a process without administrator rights (the simulated computer refuses writes). */
  elevated?: boolean;
  /** The entries on the computer at the start (SEED_ENTRIES); unelevated, always the simulated computer's own. */
  entries?: AnycastEntry[];
  /** The status names the Windows backend, or the simulated one and why. */
  backend?: 'windows' | { simulatedReason: NonNullable<SystemStatus['simulatedReason']> };
  /** A Win32 code a backend call answers with instead, for every row or for some. */
  refuse?: Partial<Record<BackendCall, number | ((row: AnycastRow) => number | undefined)>>;
  /** iphlpapi.dll without the anycast exports, as under Wine. */
  anycastApiMissing?: boolean;
  /** Creates succeed, and reading the row back fails with this code. */
  readBackFails?: number;
  /** Audit records already on file, oldest first. */
  audit?: AuditRecord[];
  /** The saved set on file at the start. */
  savedSet?: SavedEntry[];
  /** The service's clock, stopped at this time. */
  now?: Date;
  /** The outcome line of a change to this address cannot be written. */
  outcomeUnwritable?: (address: string) => boolean;
}

/** The simulated computer behind the kind and the refusals a test asks for. */
class StandInBackend implements AnycastBackend {
  constructor(
    readonly simulated: SimulatedBackend,
    readonly kind: AnycastBackend['kind'],
    private readonly options: InProcessOptions,
  ) {}

  private refused(call: BackendCall, row?: AnycastRow): number | undefined {
    const refusal = this.options.refuse?.[call];
    return typeof refusal === 'function' ? (row ? refusal(row) : undefined) : refusal;
  }

  async status() {
    const status = await this.simulated.status();
    return this.options.anycastApiMissing ? { ...status, anycastApi: false } : status;
  }
  async listInterfaces() {
    const code = this.refused('listInterfaces');
    return code === undefined ? this.simulated.listInterfaces() : fail(code);
  }
  async listAnycast() {
    if (this.options.anycastApiMissing) return ok([]);
    const code = this.refused('listAnycast');
    return code === undefined ? this.simulated.listAnycast() : fail(code);
  }
  snapshot(): BackendSnapshot {
    return { status: this.status(), interfaces: this.listInterfaces(), entries: this.listAnycast() };
  }
  async getAnycast(row: AnycastRow) {
    const code = this.missingOr('getAnycast', row);
    return code === undefined ? this.simulated.getAnycast(row) : fail(code);
  }
  async createAnycast(row: AnycastRow) {
    const code = this.missingOr('createAnycast', row);
    if (code !== undefined) return fail(code);
    const created = await this.simulated.createAnycast(row);
    const readBack = this.options.readBackFails;
    return created.ok && readBack !== undefined ? ok({ readBack: 'failed' as const, code: readBack }) : created;
  }
  async deleteAnycast(row: AnycastRow) {
    const code = this.missingOr('deleteAnycast', row);
    return code === undefined ? this.simulated.deleteAnycast(row) : fail(code);
  }
  private missingOr(call: BackendCall, row: AnycastRow): number | undefined {
    // ERROR_PROC_NOT_FOUND: the binding's answer for an export the DLL lacks.
    return this.options.anycastApiMissing ? 127 : this.refused(call, row);
  }
  get exports() {
    return this.simulated.exports;
  }
  timeTableReads() {
    return this.simulated.timeTableReads();
  }
  systemMessage(code: number) {
    return this.simulated.systemMessage(code);
  }
  watchInterfaces(listener: () => void) {
    return this.simulated.watchInterfaces(listener);
  }
  close() {
    this.simulated.close();
  }
}

/** A read that began after the change: the 15 s poll may add others, so reads are not counted. */
export const readAfter = (read: { mock: { invocationCallOrder: number[] } }, change: { mock: { invocationCallOrder: number[] } }) =>
  (read.mock.invocationCallOrder.at(-1) ?? 0) > (change.mock.invocationCallOrder[0] ?? Infinity);

type Mocked = { [M in Method]: ReturnType<typeof vi.fn<AnycastApi[M]>> };

export type InProcessApi = Mocked & {
  onInterfacesChanged: ReturnType<typeof vi.fn<AnycastApi['onInterfacesChanged']>>;
  /** The simulated computer: change it as Windows would change under the app. */
  computer: SimulatedBackend;
  /** The entries on the computer now. */
  entries(): Promise<AnycastEntry[]>;
  /** Listeners the page holds for interface changes. */
  listenerCount(): number;
  /** Where the service keeps its audit trail. */
  auditPath: string;
  systemMessage(code: number): string;
};

export function inProcessApi(options: InProcessOptions = {}): InProcessApi {
  // Unelevated, the app cannot add entries: the computer starts with its demo entries, as Windows would have them.
  const elevated = options.elevated ?? true;
  if (!elevated && options.entries) throw new Error('An unelevated computer starts with its own demo entries.');
  const computer = new SimulatedBackend({ elevated, seedEntries: !elevated });
  const backend = new StandInBackend(computer, options.backend === undefined || options.backend === 'windows' ? 'windows' : 'simulated', options);
  const serviceOptions = testServiceOptions({
    identity: IDENTITY,
    simulatedReason: typeof options.backend === 'object' ? options.backend.simulatedReason : null,
    ...(options.now ? { now: () => options.now! } : {}),
  });
  const audit = serviceOptions.files.audit;
  for (const [n, record] of (options.audit ?? []).entries()) {
    const { resultCode, result, ...change } = record;
    audit.writeIntent({ kind: 'intent', id: `earlier-${n}`, ...change });
    if (resultCode !== null) audit.writeOutcome({ kind: 'outcome', id: `earlier-${n}`, time: record.time, resultCode, result: result ?? '' });
  }
  if (options.outcomeUnwritable) {
    const unwritable = options.outcomeUnwritable;
    const addresses = new Map<string, string>();
    const writeIntent = audit.writeIntent.bind(audit);
    const writeOutcome = audit.writeOutcome.bind(audit);
    audit.writeIntent = (intent) => {
      addresses.set(intent.id, intent.address);
      writeIntent(intent);
    };
    audit.writeOutcome = (outcome) => {
      if (unwritable(addresses.get(outcome.id) ?? '')) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      writeOutcome(outcome);
    };
  }
  const service = new AnycastService(backend, serviceOptions);
  const ready = (async () => {
    for (const entry of elevated ? (options.entries ?? SEED_ENTRIES) : []) {
      const created = await computer.createAnycast({ ...entry, interfaceLuid: BigInt(entry.interfaceLuid), interfaceIndex: 0 });
      if (!created.ok) throw new Error(`The simulated computer refused ${entry.address}: code ${created.code}`);
    }
    if (options.savedSet) await serviceOptions.files.savedSet.save(options.savedSet, new Date());
  })();
  const listeners = new Set<() => void>();
  const request = <M extends Method>(method: M) =>
    vi.fn(async (payload: unknown) => {
      await ready;
      return (await service.handle(method, payload)) as Reply<M>;
    });
  const requests = Object.fromEntries(methods.map((method) => [method, request(method)])) as unknown as Mocked;
  return {
    ...requests,
    onInterfacesChanged: vi.fn<AnycastApi['onInterfacesChanged']>((listener) => {
      listeners.add(listener);
      const stop = service.onInterfacesChanged(listener);
      return () => {
        listeners.delete(listener);
        stop();
      };
    }),
    computer,
    entries: async () => {
      await ready;
      const listed = await computer.listAnycast();
      return listed.ok ? listed.value : [];
    },
    listenerCount: () => listeners.size,
    auditPath: audit.path,
    systemMessage: (code) => backend.systemMessage(code),
  };
}
