/**
 * Where both main tables keep their search text and sort: in a view hook called by the
 * screen that lays the table out, never inside the table. The table is controlled, so
 * what it shows can also be exported, counted or reset from outside.
 */
import { useCallback, useState } from 'react';
import { nextSort, type SortState } from '../tables/sorting';

export interface SearchSort<C extends string> {
  query: string;
  setQuery: (query: string) => void;
  sort: SortState<C> | null;
  /** A header click: sorts by the column, or reverses it. */
  toggleSort: (column: C) => void;
}

export function useSearchSort<C extends string>(): SearchSort<C> {
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortState<C> | null>(null);
  const toggleSort = useCallback((column: C) => setSort((current) => nextSort(current, column)), []);
  return { query, setQuery, sort, toggleSort };
}
