/**
 * A believable in-memory AnycastApi for component tests: the interfaces of an
 * office PC, a couple of entries, an audit trail and a saved set, hooks to make any
 * call fail, and a way to fire the interfaces-changed event as main would.
 */
import { vi } from 'vitest';
import { validateAnycastAddress } from '../../app/address-validation';
import type { AuditRecord } from '../../app/audit';
import type { AnycastApi, AnycastKey, CreatedEntry, Method, Reply, Request } from '../../app/ipc-contract';
import { interfaceLabel, type AnycastEntry, type AppError, type NetworkInterface, type SystemStatus } from '../../app/model';
import type { SavedSet } from '../../app/saved-set';
import { ANYCAST_EXPORTS, SELF_TEST_FORMAT, type RoundTripStep, type SelfTestReport } from '../../app/self-test';

export const ETHERNET: NetworkInterface = {
  luid: '1688849877041152', index: 12, alias: 'Ethernet', description: 'Intel(R) Ethernet Connection (7) I219-LM',
  type: 6, operStatus: 'up', mac: '3C-52-82-4A-1B-7E', mtu: 1500, ipv4: true, ipv6: true,
};
export const WIFI: NetworkInterface = {
  luid: '19984723363233792', index: 18, alias: 'Wi-Fi', description: 'Intel(R) Wi-Fi 6 AX201 160MHz',
  type: 71, operStatus: 'up', mac: '8C-C6-81-2F-90-D4', mtu: 1500, ipv4: true, ipv6: true,
};
export const TEREDO: NetworkInterface = {
  luid: '36873221965873152', index: 14, alias: 'Teredo Tunneling Pseudo-Interface', description: 'Microsoft Teredo Tunneling Adapter',
  type: 131, operStatus: 'up', mac: '', mtu: 1280, ipv4: false, ipv6: true,
};
export const LAB: NetworkInterface = {
  luid: '1688849910595584', index: 31, alias: 'vEthernet (Lab)', description: 'Hyper-V Virtual Ethernet Adapter',
  type: 6, operStatus: 'up', mac: '00-15-5D-01-6E-02', mtu: 1500, ipv4: true, ipv6: false,
};
export const INTERFACES = [ETHERNET, WIFI, TEREDO, LAB];

export const SEED_ENTRIES: AnycastEntry[] = [
  { address: '192.0.2.53', family: 'ipv4', interfaceLuid: ETHERNET.luid, interfaceIndex: 12, scopeId: 0 },
  { address: '2001:db8:53::53', family: 'ipv6', interfaceLuid: ETHERNET.luid, interfaceIndex: 12, scopeId: 0 },
  { address: '198.51.100.7', family: 'ipv4', interfaceLuid: WIFI.luid, interfaceIndex: 18, scopeId: 0 },
];

export const WINDOWS_ELEVATED: SystemStatus = {
  platform: 'win32', backend: 'windows', simulatedReason: null, elevated: true, anycastApi: true, ipv4Stack: true, ipv6Stack: true,
  machine: 'PC-HELPDESK-07', user: 'CONTOSO\\tech1',
  records: { path: 'C:\\ProgramData\\Anycast Manager', access: 'administrators-only', problems: [] },
};

export const AUDIT_PATH = 'C:\\ProgramData\\Anycast Manager\\audit.jsonl';

export function appError(overrides: Partial<AppError> = {}): AppError {
  return {
    code: 5010,
    symbol: 'ERROR_OBJECT_ALREADY_EXISTS',
    systemMessage: 'The object already exists.',
    title: 'Address already present',
    what: 'This anycast address is already on the chosen interface.',
    why: 'An interface can hold each anycast address once. The same address can be added to a different interface.',
    todo: 'Nothing needs to change if the existing entry is the one you wanted. Otherwise choose another interface or address.',
    operation: 'create',
    ...overrides,
  };
}

export interface FakeOptions {
  status?: Partial<SystemStatus>;
  interfaces?: NetworkInterface[];
  entries?: AnycastEntry[];
  /** Audit records already on file, oldest first. */
  audit?: AuditRecord[];
  savedSet?: SavedSet;
  /** Replies that replace the normal behaviour of a method. */
  fail?: Partial<Record<Method, AppError>>;
  /** A failure for one particular create, by address. */
  failCreate?: (key: AnycastKey) => AppError | undefined;
  /** Creates succeed, but reading the entry back fails with this. */
  readBackFails?: AppError;
  /** A change made with a warning (its outcome not on record), by address. */
  warnWrite?: (operation: 'create' | 'delete', key: AnycastKey) => AppError | undefined;
}

type Mocked = { [M in Method]: ReturnType<typeof vi.fn<AnycastApi[M]>> };

export type FakeApi = Mocked & {
  onInterfacesChanged: ReturnType<typeof vi.fn<AnycastApi['onInterfacesChanged']>>;
  entries: AnycastEntry[];
  interfaces: NetworkInterface[];
  audit: AuditRecord[];
  /** Fires the interfaces-changed event to every current listener. */
  emitInterfacesChanged: () => void;
  listenerCount: () => number;
};

const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
const FIXED_TIME = '2025-03-14T09:26:53.000Z';

export function createFakeApi(options: FakeOptions = {}): FakeApi {
  const status = { ...WINDOWS_ELEVATED, ...options.status };
  const interfaces = (options.interfaces ?? INTERFACES).map((i) => ({ ...i }));
  const entries = [...(options.entries ?? SEED_ENTRIES)];
  const audit = [...(options.audit ?? [])];
  let savedSet: SavedSet = options.savedSet ?? { entries: [], savedAt: null };
  const listeners = new Set<() => void>();
  const failed = <M extends Method>(method: M): Promise<Reply<M>> | null => {
    const error = options.fail?.[method];
    return error ? Promise.resolve({ ok: false, error }) : null;
  };
  const find = (key: AnycastKey) => entries.findIndex((e) => e.address === key.address && e.interfaceLuid === key.interfaceLuid);
  const record = (operation: 'create' | 'delete', key: AnycastKey, error?: AppError) => {
    const check = validateAnycastAddress(key.address);
    const iface = interfaces.find((i) => i.luid === key.interfaceLuid);
    audit.push({
      time: FIXED_TIME, user: status.user, machine: status.machine, backend: status.backend, operation,
      address: key.address, family: check.ok ? check.family : 'ipv4', interfaceLuid: key.interfaceLuid, interfaceIndex: key.interfaceIndex,
      interfaceLabel: iface ? interfaceLabel(iface) : '', resultCode: error?.code ?? 0, result: error?.symbol ?? 'NO_ERROR',
    });
  };
  const write = <T,>(operation: 'create' | 'delete', key: AnycastKey, error: AppError | undefined, apply: () => T) => {
    record(operation, key, error);
    if (error) return Promise.resolve({ ok: false as const, error });
    const warning = options.warnWrite?.(operation, key);
    return warning ? Promise.resolve({ ok: true as const, value: apply(), warning }) : ok(apply());
  };

  const api: FakeApi = {
    entries,
    interfaces,
    audit,
    emitInterfacesChanged: () => listeners.forEach((listener) => listener()),
    listenerCount: () => listeners.size,
    getStatus: vi.fn<AnycastApi['getStatus']>(() => failed('getStatus') ?? ok(status)),
    // Made of the three calls it stands for, so tests that count them keep counting.
    getSnapshot: vi.fn<AnycastApi['getSnapshot']>(async () => {
      const [statusReply, interfacesReply, entriesReply] = await Promise.all([
        api.getStatus({}),
        api.listInterfaces({}),
        api.listAnycast({}),
      ]);
      return (await failed('getSnapshot')) ?? (statusReply.ok ? ok({ status: statusReply.value, interfaces: interfacesReply, entries: entriesReply }) : statusReply);
    }),
    listInterfaces: vi.fn<AnycastApi['listInterfaces']>(() => failed('listInterfaces') ?? ok(interfaces.map((i) => ({ ...i })))),
    listAnycast: vi.fn<AnycastApi['listAnycast']>(() => failed('listAnycast') ?? ok(entries.map((e) => ({ ...e })))),
    getAnycast: vi.fn<AnycastApi['getAnycast']>((key) => {
      const at = find(key);
      return failed('getAnycast') ?? (at >= 0 ? ok(entries[at]!) : Promise.resolve({ ok: false, error: appError({ code: 1168, symbol: 'ERROR_NOT_FOUND', operation: 'get' }) }));
    }),
    createAnycast: vi.fn<AnycastApi['createAnycast']>((key) => {
      const check = validateAnycastAddress(key.address);
      if (!check.ok) throw new Error(`the UI sent an invalid address: ${key.address}`);
      const duplicate = find(key) >= 0 ? appError({ address: key.address }) : undefined;
      const error = options.fail?.createAnycast ?? options.failCreate?.(key) ?? duplicate;
      return write('create', key, error, (): CreatedEntry => {
        const entry: AnycastEntry = { address: key.address, family: check.family, interfaceLuid: key.interfaceLuid, interfaceIndex: key.interfaceIndex, scopeId: 0 };
        entries.push(entry);
        const readBackError = options.readBackFails;
        return readBackError ? { readBack: 'failed', address: key.address, error: readBackError } : { readBack: 'ok', address: key.address, entry };
      });
    }),
    deleteAnycast: vi.fn<AnycastApi['deleteAnycast']>((key) => {
      const missing = find(key) < 0 ? appError({ code: 1168, symbol: 'ERROR_NOT_FOUND', title: 'Not found', operation: 'delete' }) : undefined;
      return write('delete', key, options.fail?.deleteAnycast ?? missing, () => {
        entries.splice(find(key), 1);
        return null;
      });
    }),
    // Pages as the service gives them, newest first; the cursor's offset counts the records older than the page before.
    readAuditLog: vi.fn<AnycastApi['readAuditLog']>(({ limit, before }) => {
      const end = before?.offset ?? audit.length;
      const start = Math.max(0, end - limit);
      const older = start > 0 ? { file: '1', offset: start } : null;
      return failed('readAuditLog') ?? ok({ records: audit.slice(start, end).reverse(), skippedLines: 0, older, path: AUDIT_PATH });
    }),
    getSavedSet: vi.fn<AnycastApi['getSavedSet']>(() => failed('getSavedSet') ?? ok(savedSet)),
    saveSavedSet: vi.fn<AnycastApi['saveSavedSet']>(({ entries: saved }: Request<'saveSavedSet'>) => {
      const early = failed('saveSavedSet');
      if (early) return early;
      savedSet = { entries: saved.map((e) => ({ ...e })), savedAt: FIXED_TIME };
      return ok(savedSet);
    }),
    runSelfTest: vi.fn<AnycastApi['runSelfTest']>((request) => failed('runSelfTest') ?? ok(selfTestReport(status, request.interface))),
    onInterfacesChanged: vi.fn<AnycastApi['onInterfacesChanged']>((listener) => {
      const entry = () => listener();
      listeners.add(entry);
      return () => listeners.delete(entry);
    }),
  };
  return api;
}

/** A clean report for the status given; with an interface, a round trip that passed. */
function selfTestReport(status: SystemStatus, requested: string | undefined): SelfTestReport {
  const step = (name: RoundTripStep['step']): RoundTripStep => ({ step: name, ok: true, ms: 1.5 });
  return {
    format: SELF_TEST_FORMAT,
    appVersion: '0.1.0',
    generatedAt: FIXED_TIME,
    machine: status.machine,
    user: status.user,
    platform: 'win32',
    windows: { version: '10.0.22631', build: 22631, edition: 'Windows 11 Pro' },
    backend: status.backend,
    exports: ANYCAST_EXPORTS.map((name) => ({ name, found: true })),
    elevated: status.elevated,
    stacks: { ipv4: status.ipv4Stack, ipv6: status.ipv6Stack },
    tables: [
      { table: 'ip-interfaces', ok: true, ms: 0.8 },
      { table: 'interfaces', ok: true, ms: 1.2, rows: 3 },
      { table: 'anycast', ok: true, ms: 0.4, rows: 2 },
    ],
    roundTrip: requested === undefined
      ? null
      : { requested, interfaceLabel: `${requested} (index 12)`, address: '2001:db8:5e1f::1', steps: [step('create'), step('get'), step('list'), step('delete')], cleanup: 'removed' },
  };
}
