/**
 * The C test library (test/native/fake-iphlpapi.c): building it, its test controls,
 * and a Windows backend loaded over it in place of iphlpapi, kernel32 and advapi32.
 */
import koffi from 'koffi';
import type { AnycastBackend } from '../../main/backends/backend';
import { createWindowsBackend } from '../../main/backends/windows/windows-backend';
import { buildSharedLibrary } from './native-build';

export type FakeVariant = 'full' | 'no-anycast-exports';

export function buildFakeLibrary(cc: string, variant: FakeVariant = 'full'): string {
  return buildSharedLibrary(cc, 'fake-iphlpapi.c', variant === 'full' ? [] : ['-DNO_ANYCAST_EXPORTS']);
}

export interface FakeControl {
  /** No entries, elevated, both stacks, no injected failures. Outstanding counts are kept. */
  reset(): void;
  setElevated(on: boolean): void;
  setIpv4Stack(on: boolean): void;
  setSparseRows(on: boolean): void;
  injectBadRow(): void;
  failTableCall(after: number, code: number): void;
  outstandingTables(): number;
  outstandingSids(): number;
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
  return {
    reset: lib.func('FakeReset', 'void', []),
    setElevated: flag('FakeSetElevated'),
    setIpv4Stack: flag('FakeSetIpv4Stack'),
    setSparseRows: flag('FakeSetSparseRows'),
    injectBadRow: lib.func('FakeInjectBadRow', 'void', []),
    failTableCall: lib.func('FakeFailTableCall', 'void', ['uint32_t', 'uint32_t']),
    outstandingTables: count('FakeOutstandingTables'),
    outstandingSids: count('FakeOutstandingSids'),
  };
}

export function backendOverFake(libraryPath: string): AnycastBackend {
  return createWindowsBackend({ iphlpapi: libraryPath, kernel32: libraryPath, advapi32: libraryPath });
}
