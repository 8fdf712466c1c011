/**
 * The interface rows the table shows: those matching the search, in the chosen order.
 * The search text is built once per list; typing re-filters only.
 */
import { useDeferredValue, useMemo } from 'react';
import type { Luid, NetworkInterface } from '../../app/model';
import { OPER_STATUS_LABEL } from '../format';
import { matchesTerms, queryTerms, searchText } from '../tables/search';
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

export function useInterfaceView(
  interfaces: readonly NetworkInterface[],
  counts: ReadonlyMap<Luid, number>,
  query: string,
  sort: SortState<InterfaceColumn> | null,
): NetworkInterface[] {
  const searchable = useMemo(
    () => interfaces.map((iface) => ({ iface, text: searchText([iface.alias, iface.description, iface.mac, `index ${iface.index}`]) })),
    [interfaces],
  );
  const deferredQuery = useDeferredValue(query);
  return useMemo(() => {
    const terms = queryTerms(deferredQuery);
    const matching = searchable.filter(({ text }) => matchesTerms(text, terms)).map(({ iface }) => iface);
    if (!sort) return matching;
    const key = SORT_KEYS[sort.column];
    return sortByKey(matching, (iface) => key(iface, counts), sort.direction);
  }, [searchable, counts, deferredQuery, sort]);
}
