/**
 * The C test library (test/native/fake-iphlpapi.c): building it, its test controls,
 * and a Windows backend loaded over it in place of iphlpapi, kernel32 and advapi32.
 */
import koffi from 'koffi';
import type { AnycastBackend } from '../../main/backends/backend';
import type { NativeCallOptions } from '../../main/backends/windows/native-call';
import { createWindowsBackend } from '../../main/backends/windows/windows-backend';
import { buildSharedLibrary } from './native-build';

export type FakeVariant = 'full' | 'no-anycast-exports' | 'no-if-table2-ex';

const VARIANT_DEFINES: Record<FakeVariant, string[]> = {
  full: [],
  'no-anycast-exports': ['-DNO_ANYCAST_EXPORTS'],
  'no-if-table2-ex': ['-DNO_IF_TABLE2_EX'],
};

export function buildFakeLibrary(cc: string, variant: FakeVariant = 'full'): string {
  return buildSharedLibrary(cc, 'fake-iphlpapi.c', VARIANT_DEFINES[variant]);
}

export interface FakeControl {
  /**
   * No entries, seeded statuses, elevated, both stacks, a working GetIpInterfaceTable and
   * GetIfTable2Ex, no delay, no injected failures. Outstanding counts, the table read count
   * and notification registrations are kept.
   */
  reset(): void;
  setElevated(on: boolean): void;
  setIpv4Stack(on: boolean): void;
  /** GetIpInterfaceTable answers ERROR_NOT_SUPPORTED for both families, as Wine 8's stub does. */
  setIpInterfaceTableStub(on: boolean): void;
  setSparseRows(on: boolean): void;
  injectBadRow(): void;
  failTableCall(after: number, code: number): void;
  /** The next GetAnycastIpAddressEntry fails with `code`. */
  failEntryRead(code: number): void;
  /** Every table read and anycast row call takes `ms` longer (0: none). */
  setCallDelay(ms: number): void;
  /** false: GetIfTable2Ex refuses MibIfTableNormalWithoutStatistics, as Windows before 10 1703 does. */
  setWithoutStatisticsLevel(on: boolean): void;
  /** Get*Table calls made since the library was loaded. */
  tableReads(): number;
  /** NotifyIpInterfaceChange fails with `code` until reset (0: succeeds). */
  failNotify(code: number): void;
  /**
   * Sets an interface's IF_OPER_STATUS and notifies every registration from a new thread,
   * once per family the interface carries. Returns once a callback is in progress (or none
   * is due); false for an unknown index.
   */
  setOperStatus(index: number, status: number): boolean;
  outstandingTables(): number;
  outstandingSids(): number;
  /** Notification registrations not yet cancelled. */
  activeNotifications(): number;
  /** Cancels that gave up waiting for a callback in progress: on Windows, each a deadlock. */
  cancelTimeouts(): number;
}

export function fakeControl(libraryPath: string): FakeControl {
  const lib = koffi.load(libraryPath);
  const flag = (name: string) => {
    const set = lib.func(name, 'void', ['int32_t']);
    return (on: boolean) => void set(on ? 1 : 0);
  };
  const count = (name: string) => {
    const get = lib.func(name, 'int64_t', []);
    return () => Number(get());
  };
  const setOperStatus = lib.func('FakeSetOperStatus', 'int32_t', ['uint32_t', 'uint32_t']);
  return {
    reset: lib.func('FakeReset', 'void', []),
    setElevated: flag('FakeSetElevated'),
    setIpv4Stack: flag('FakeSetIpv4Stack'),
    setIpInterfaceTableStub: flag('FakeSetIpInterfaceTableStub'),
    setSparseRows: flag('FakeSetSparseRows'),
    injectBadRow: lib.func('FakeInjectBadRow', 'void', []),
    failTableCall: lib.func('FakeFailTableCall', 'void', ['uint32_t', 'uint32_t']),
    failEntryRead: lib.func('FakeFailEntryRead', 'void', ['uint32_t']),
    setCallDelay: lib.func('FakeSetCallDelay', 'void', ['uint32_t']),
    setWithoutStatisticsLevel: flag('FakeSetWithoutStatisticsLevel'),
    tableReads: count('FakeTableReads'),
    failNotify: lib.func('FakeFailNotify', 'void', ['uint32_t']),
    setOperStatus: (index, status) => setOperStatus(index, status) !== 0,
    outstandingTables: count('FakeOutstandingTables'),
    outstandingSids: count('FakeOutstandingSids'),
    activeNotifications: count('FakeActiveNotifications'),
    cancelTimeouts: count('FakeCancelTimeouts'),
  };
}

/** `options` as the backend takes them: the benchmark makes calls on the main thread to compare. */
export function backendOverFake(libraryPath: string, options: NativeCallOptions = {}): AnycastBackend {
  return createWindowsBackend({ iphlpapi: libraryPath, kernel32: libraryPath, advapi32: libraryPath }, options);
}
