/**
 * The anycast rows the table shows: the entries on the selected interface that match
 * the search, in the chosen order. Each stage is memoised on its own inputs, so typing
 * in the search box re-filters without rebuilding the search text or the interface map.
 */
import { useDeferredValue, useMemo } from 'react';
import type { AnycastEntry, Luid, NetworkInterface } from '../../app/model';
import { FAMILY_LABEL } from '../format';
import { queryTerms, matchesTerms, searchText } from '../tables/search';
import { sortByAddress, sortByKey, type SortState } from '../tables/sorting';
import { aliasOf, type AnycastColumn, type AnycastRowView } from '../views/anycastRows';

interface Searchable {
  row: AnycastRowView;
  text: string;
}

export function useAnycastView(
  entries: readonly AnycastEntry[],
  interfacesByLuid: ReadonlyMap<Luid, NetworkInterface>,
  selectedLuid: Luid | null,
  query: string,
  sort: SortState<AnycastColumn> | null,
): AnycastRowView[] {
  const searchable = useMemo<Searchable[]>(
    () =>
      entries.map((entry) => {
        const iface = interfacesByLuid.get(entry.interfaceLuid);
        return {
          row: { entry, iface },
          text: searchText([entry.address, FAMILY_LABEL[entry.family], iface?.alias, iface?.description, iface?.mac, `index ${entry.interfaceIndex}`]),
        };
      }),
    [entries, interfacesByLuid],
  );
  // Typing stays responsive with 10,000 rows: React filters with the previous query while keys arrive.
  const deferredQuery = useDeferredValue(query);
  const filtered = useMemo(() => {
    const terms = queryTerms(deferredQuery);
    return searchable
      .filter(({ row, text }) => (selectedLuid === null || row.entry.interfaceLuid === selectedLuid) && matchesTerms(text, terms))
      .map(({ row }) => row);
  }, [searchable, selectedLuid, deferredQuery]);
  return useMemo(() => (sort ? sortRows(filtered, sort) : filtered), [filtered, sort]);
}

function sortRows(rows: readonly AnycastRowView[], { column, direction }: SortState<AnycastColumn>): AnycastRowView[] {
  switch (column) {
    case 'address':
      return sortByAddress(rows, (r) => r.entry.address, direction);
    case 'family':
      return sortByKey(rows, (r) => r.entry.family, direction);
    case 'interface':
      return sortByKey(rows, aliasOf, direction);
    case 'scope':
      return sortByKey(rows, (r) => r.entry.scopeId, direction);
  }
}
