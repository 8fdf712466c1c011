/**
 * The one interface every backend implements: the questions the IP Helper API
 * answers, with Win32 codes as values. The service turns codes into AppErrors.
 */
import type { AnycastEntry, Family, NetworkInterface, SystemStatus } from '../../app/model';

/** A MIB_ANYCASTIPADDRESS_ROW as main sees it: LUID as BigInt, address as text. */
export interface AnycastRow {
  address: string;
  family: Family;
  /** 0n means "not given": the API then uses interfaceIndex. */
  interfaceLuid: bigint;
  interfaceIndex: number;
  /** Ignored on create; the interface decides it. */
  scopeId: number;
}

export type Win32Result<T> = { ok: true; value: T } | { ok: false; code: number };

/** What a backend knows of the system; the service adds which backend is live and who is running it. */
export type BackendStatus = Omit<SystemStatus, 'backend' | 'simulatedReason' | 'machine' | 'user' | 'records'>;

/**
 * A create that Windows accepted. The row is then read back (Windows fills in ScopeId); if
 * that read fails, the row still exists, and `code` says why it could not be read.
 */
export type CreatedRow = { readBack: 'ok'; entry: AnycastEntry } | { readBack: 'failed'; code: number };

/**
 * What one refresh shows, from one set of table reads shared by its parts. Each part settles
 * on its own, so a part that fails or throws does not hide the others.
 */
export interface BackendSnapshot {
  status: Promise<BackendStatus>;
  interfaces: Promise<Win32Result<NetworkInterface[]>>;
  entries: Promise<Win32Result<AnycastEntry[]>>;
}

/** One table read by the self-test: its row count (null where the read gives none) and how long it took. */
export interface TableTiming {
  /** ip-interfaces: which interfaces carry which stack; interfaces: the interface table; anycast: the anycast table. */
  table: 'ip-interfaces' | 'interfaces' | 'anycast';
  result: Win32Result<number | null>;
  ms: number;
}

/** One optional export of the system library and whether this system has it. */
export interface LibraryExport {
  name: string;
  found: boolean;
}

export interface AnycastBackend {
  readonly kind: SystemStatus['backend'];
  /** The optional iphlpapi exports and whether each was found; empty where no system library is loaded. */
  readonly exports: readonly LibraryExport[];
  status(): Promise<BackendStatus>;
  listInterfaces(): Promise<Win32Result<NetworkInterface[]>>;
  /** All families (AF_UNSPEC). An empty table is an empty list, not an error. */
  listAnycast(): Promise<Win32Result<AnycastEntry[]>>;
  /** status, listInterfaces and listAnycast together, reading each table once. */
  snapshot(): BackendSnapshot;
  getAnycast(row: AnycastRow): Promise<Win32Result<AnycastEntry>>;
  /** Creates the row and reads it back as Windows stores it (ScopeId filled in). */
  createAnycast(row: AnycastRow): Promise<Win32Result<CreatedRow>>;
  deleteAnycast(row: AnycastRow): Promise<Win32Result<null>>;
  /** Reads each table once, on its own, timed, for the self-test. */
  timeTableReads(): Promise<TableTiming[]>;
  /** FormatMessage for a code; '' when the system has no text for it. */
  systemMessage(code: number): string;
  /**
   * Calls `listener` after interfaces change (NotifyIpInterfaceChange on Windows), once per
   * burst of changes and never synchronously. The returned function stops watching: after
   * it returns the listener is not called again. It may be called from anywhere, the listener
   * included: the native cancel is never run from inside the system's callback (that
   * deadlocks on Windows). Where the system offers no notifications this watches nothing;
   * callers poll as well.
   */
  watchInterfaces(listener: () => void): () => void;
  /** Stops every watch and releases the system libraries. */
  close(): void;
}

export const ok = <T>(value: T): Win32Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: number): Win32Result<T> => ({ ok: false, code });

/** Runs one table read and times it. */
export async function timed(table: TableTiming['table'], read: () => Promise<Win32Result<number | null>>): Promise<TableTiming> {
  const start = performance.now();
  const result = await read();
  return { table, result, ms: performance.now() - start };
}
