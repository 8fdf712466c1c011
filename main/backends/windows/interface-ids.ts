/**
 * The other half of an interface's identity, for rows Windows returned with only the LUID
 * or only the index. Decoding asks synchronously; a half not known yet is noted and asked
 * of Windows afterwards (ConvertInterface*, on a worker thread), and the rows are decoded
 * once more. Windows normally fills in both, so the second pass is rare.
 */
import { NO_ERROR } from '../../../app/win32-errors';
import { toLuid, type InterfaceIds, type U64Value } from './iphlpapi-decode';
import type { IphlpapiBindings, Out } from './iphlpapi-functions';

export class InterfaceIdCache implements InterfaceIds {
  private readonly luids = new Map<number, bigint | null>();
  private readonly indexes = new Map<bigint, number | null>();
  private readonly unknownIndexes = new Set<number>();
  private readonly unknownLuids = new Set<bigint>();

  /** Pairs read in the same refresh (the interface table), so they need no call. */
  learn(interfaces: Iterable<{ luid: string; index: number }>): void {
    for (const { luid, index } of interfaces) {
      this.luids.set(index, BigInt(luid));
      this.indexes.set(BigInt(luid), index);
    }
  }

  luidOf(index: number): bigint | null {
    const known = this.luids.get(index);
    if (known === undefined) this.unknownIndexes.add(index);
    return known ?? null;
  }

  indexOf(luid: bigint): number | null {
    const known = this.indexes.get(luid);
    if (known === undefined) this.unknownLuids.add(luid);
    return known ?? null;
  }

  /**
   * Asks Windows for every half asked for and not known, one call at a time (koffi queues a
   * bounded number of calls); a half Windows cannot give stays unknown. false when nothing was asked.
   */
  async lookUpUnknown(iphlpapi: IphlpapiBindings): Promise<boolean> {
    const [indexes, luids] = [[...this.unknownIndexes], [...this.unknownLuids]];
    this.unknownIndexes.clear();
    this.unknownLuids.clear();
    for (const index of indexes) {
      const found: Out<U64Value> = [0];
      this.luids.set(index, (await iphlpapi.ConvertInterfaceIndexToLuid(index, found)) === NO_ERROR ? toLuid(found[0]) : null);
    }
    for (const luid of luids) {
      const found: Out<number> = [0];
      this.indexes.set(luid, (await iphlpapi.ConvertInterfaceLuidToIndex([luid], found)) === NO_ERROR ? found[0] : null);
    }
    return indexes.length + luids.length > 0;
  }
}

/** Decodes with the cache, and again once the halves the first pass lacked have been looked up. */
export async function decodeWithIds<T>(ids: InterfaceIdCache, iphlpapi: IphlpapiBindings, decode: (ids: InterfaceIds) => T): Promise<T> {
  const first = decode(ids);
  return (await ids.lookUpUnknown(iphlpapi)) ? decode(ids) : first;
}
