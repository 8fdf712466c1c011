/**
 * A believable in-memory AnycastApi for component tests: the interfaces of an
 * office PC, a couple of entries, and hooks to make any call fail.
 */
import { vi } from 'vitest';
import type { AnycastApi, AnycastKey, Method, Reply } from '../../app/ipc-contract';
import type { AnycastEntry, AppError, NetworkInterface, SystemStatus } from '../../app/model';
import { validateAnycastAddress } from '../../app/address-validation';

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
};

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
  /** Replies that replace the normal behaviour of a method. */
  fail?: Partial<Record<Method, AppError>>;
}

export type FakeApi = { [M in Method]: ReturnType<typeof vi.fn<AnycastApi[M]>> } & { entries: AnycastEntry[] };

const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });

export function createFakeApi(options: FakeOptions = {}): FakeApi {
  const status = { ...WINDOWS_ELEVATED, ...options.status };
  const interfaces = options.interfaces ?? INTERFACES;
  const entries = [...(options.entries ?? SEED_ENTRIES)];
  const failed = <M extends Method>(method: M): Promise<Reply<M>> | null => {
    const error = options.fail?.[method];
    return error ? Promise.resolve({ ok: false, error }) : null;
  };
  const find = (key: AnycastKey) => entries.findIndex((e) => e.address === key.address && e.interfaceLuid === key.interfaceLuid);

  return {
    entries,
    getStatus: vi.fn<AnycastApi['getStatus']>(() => failed('getStatus') ?? ok(status)),
    listInterfaces: vi.fn<AnycastApi['listInterfaces']>(() => failed('listInterfaces') ?? ok(interfaces.map((i) => ({ ...i })))),
    listAnycast: vi.fn<AnycastApi['listAnycast']>(() => failed('listAnycast') ?? ok(entries.map((e) => ({ ...e })))),
    getAnycast: vi.fn<AnycastApi['getAnycast']>((key) => {
      const at = find(key);
      return failed('getAnycast') ?? (at >= 0 ? ok(entries[at]!) : Promise.resolve({ ok: false, error: appError({ code: 1168, symbol: 'ERROR_NOT_FOUND', operation: 'get' }) }));
    }),
    createAnycast: vi.fn<AnycastApi['createAnycast']>((key) => {
      const early = failed('createAnycast');
      if (early) return early;
      const check = validateAnycastAddress(key.address);
      if (!check.ok) throw new Error(`the UI sent an invalid address: ${key.address}`);
      const entry: AnycastEntry = { address: key.address, family: check.family, interfaceLuid: key.interfaceLuid, interfaceIndex: key.interfaceIndex, scopeId: 0 };
      entries.push(entry);
      return ok(entry);
    }),
    deleteAnycast: vi.fn<AnycastApi['deleteAnycast']>((key) => {
      const early = failed('deleteAnycast');
      if (early) return early;
      entries.splice(find(key), 1);
      return ok(null);
    }),
  };
}
