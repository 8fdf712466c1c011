/**
 * Sorting for the tables: a column and a direction, clicked headers toggle, and keys
 * are computed once per row so a 10,000-row sort compares strings and numbers only.
 */
import ipaddr from 'ipaddr.js';

export type SortDirection = 'ascending' | 'descending';

export interface SortState<C extends string> {
  column: C;
  direction: SortDirection;
}

/** Clicking the sorted column reverses it; clicking another sorts by it, ascending. */
export function nextSort<C extends string>(current: SortState<C> | null, column: C): SortState<C> {
  if (current?.column === column) return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { column, direction: 'ascending' };
}

/** What a header cell passes to Fluent: aria-sort comes from sortDirection. */
export function sortDirectionOf<C extends string>(sort: SortState<C> | null, column: C): SortDirection | undefined {
  return sort?.column === column ? sort.direction : undefined;
}

// "Ethernet 2" before "Ethernet 10", and case ignored, as Windows Explorer sorts names.
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export type SortKey = string | number;

function compareKeys(a: SortKey, b: SortKey): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * A stable sort by one key, computed once per item; ties keep the input order
 * (the order Windows listed them in), so a re-sort never shuffles equal rows.
 */
export function sortByKey<T>(items: readonly T[], key: (item: T) => SortKey, direction: SortDirection): T[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const decorated = items.map((item, index) => ({ item, index, key: key(item) }));
  decorated.sort((a, b) => sign * compareKeys(a.key, b.key) || a.index - b.index);
  return decorated.map((d) => d.item);
}

/**
 * Orders addresses as numbers, not text: IPv4 before IPv6, then by value, so
 * 192.0.2.9 comes before 192.0.2.10. Plain string keys compare by code unit; the
 * hex digits and the family prefix make that the numeric order.
 */
export function addressSortKey(address: string): string {
  try {
    const parsed = ipaddr.parse(address);
    const hex = parsed.toByteArray().map((byte) => byte.toString(16).padStart(2, '0')).join('');
    return `${parsed.kind() === 'ipv4' ? '4' : '6'}${hex}`;
  } catch {
    return `9${address}`;
  }
}

/** Compares address sort keys by code unit (the collator would ignore the digits' positions). */
export function sortByAddress<T>(items: readonly T[], address: (item: T) => string, direction: SortDirection): T[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const decorated = items.map((item, index) => ({ item, index, key: addressSortKey(address(item)) }));
  decorated.sort((a, b) => sign * (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) || a.index - b.index);
  return decorated.map((d) => d.item);
}
