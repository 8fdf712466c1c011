/**
 * The interface rows the table shows: those matching the search (app/search, the same
 * rules as the anycast table), in the chosen order. The search keys are built once per
 * list; typing re-filters only.
 */
import { useDeferredValue, useMemo } from 'react';
import type { Luid, NetworkInterface } from '../../app/model';
import { interfaceSearchKey, isEmptySearch, matchesInterface, parseSearch } from '../../app/search';
import { OPER_STATUS_LABEL } from '../format';
import { sortByKey, type SortKey, type SortState } from '../tables/sorting';

export type InterfaceColumn = 'alias' | 'description' | 'index' | 'status' | 'mac' | 'count';

const SORT_KEYS: Readonly<Record<InterfaceColumn, (iface: NetworkInterface, counts: ReadonlyMap<Luid, number>) => SortKey>> = {
  alias: (i) => i.alias,
  description: (i) => i.description,
  index: (i) => i.index,
  status: (i) => OPER_STATUS_LABEL[i.operStatus],
  mac: (i) => i.mac,
  count: (i, counts) => counts.get(i.luid) ?? 0,
};

export interface InterfaceView {
  shown: NetworkInterface[];
  /** A search is in force: the count says "2 of 4". */
  narrowed: boolean;
}

export function useInterfaceView(
  interfaces: readonly NetworkInterface[],
  counts: ReadonlyMap<Luid, number>,
  query: string,
  sort: SortState<InterfaceColumn> | null,
): InterfaceView {
  const searchable = useMemo(() => interfaces.map((iface) => ({ iface, key: interfaceSearchKey(iface) })), [interfaces]);
  // Rows and count follow the same deferred query, so they always agree.
  const deferredQuery = useDeferredValue(query);
  const parsed = useMemo(() => parseSearch(deferredQuery), [deferredQuery]);
  const shown = useMemo(() => {
    const matching = searchable.filter(({ key }) => matchesInterface(parsed, key)).map(({ iface }) => iface);
    if (!sort) return matching;
    const key = SORT_KEYS[sort.column];
    return sortByKey(matching, (iface) => key(iface, counts), sort.direction);
  }, [searchable, counts, parsed, sort]);
  return { shown, narrowed: !isEmptySearch(parsed) };
}
