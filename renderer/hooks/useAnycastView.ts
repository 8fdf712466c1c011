/**
 * The anycast rows the table shows: the entries on the selected interface that match
 * the search (app/search: a phrase matches an alias as a whole, an address prefix matches
 * addresses), in the chosen order. Each stage is memoised on its own inputs, so typing in
 * the search box re-filters without rebuilding the search keys or the interface map.
 */
import { useDeferredValue, useMemo } from 'react';
import type { AnycastEntry, Luid, NetworkInterface } from '../../app/model';
import { entrySearchKey, interfaceSearchKey, isEmptySearch, matchesEntry, parseSearch, type EntrySearchKey, type InterfaceSearchKey } from '../../app/search';
import { sortByAddress, sortByKey, type SortState } from '../tables/sorting';
import { aliasOf, type AnycastColumn, type AnycastRowView } from '../views/anycastRows';

interface Searchable {
  row: AnycastRowView;
  key: EntrySearchKey;
}

export interface AnycastView {
  rows: AnycastRowView[];
  /** A search or an interface filter is in force: the count says "3 of 10,000". */
  narrowed: boolean;
}

export function useAnycastView(
  entries: readonly AnycastEntry[],
  interfacesByLuid: ReadonlyMap<Luid, NetworkInterface>,
  selectedLuid: Luid | null,
  query: string,
  sort: SortState<AnycastColumn> | null,
): AnycastView {
  const searchable = useMemo<Searchable[]>(() => {
    const ifaceKeys = new Map<Luid, InterfaceSearchKey>();
    for (const [luid, iface] of interfacesByLuid) ifaceKeys.set(luid, interfaceSearchKey(iface));
    return entries.map((entry) => ({
      row: { entry, iface: interfacesByLuid.get(entry.interfaceLuid) },
      key: entrySearchKey(entry, ifaceKeys.get(entry.interfaceLuid)),
    }));
  }, [entries, interfacesByLuid]);
  // Typing stays responsive with 10,000 rows: React filters with the previous query while keys arrive.
  // The rows and whether they are narrowed come from the same deferred query, so the count
  // never pairs new words with old rows (clearing a search never reads "0 addresses").
  const deferredQuery = useDeferredValue(query);
  const parsed = useMemo(() => parseSearch(deferredQuery), [deferredQuery]);
  const filtered = useMemo(
    () =>
      searchable
        .filter(({ row, key }) => (selectedLuid === null || row.entry.interfaceLuid === selectedLuid) && matchesEntry(parsed, key))
        .map(({ row }) => row),
    [searchable, selectedLuid, parsed],
  );
  const rows = useMemo(() => (sort ? sortRows(filtered, sort) : filtered), [filtered, sort]);
  return { rows, narrowed: selectedLuid !== null || !isEmptySearch(parsed) };
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
