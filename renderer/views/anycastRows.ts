/**
 * The anycast table's view-model: a row is an entry with the interface it names, and
 * the table's columns. Both the table and the hook that filters and sorts its rows
 * import from here, so neither depends on the other.
 */
import type { AnycastEntry, NetworkInterface } from '../../app/model';

export interface AnycastRowView {
  entry: AnycastEntry;
  /** Undefined when the entry names an interface the list no longer has. */
  iface: NetworkInterface | undefined;
}

export type AnycastColumn = 'address' | 'family' | 'interface' | 'scope';

export type CopyWhat = 'details' | 'address';

/** How a person names the interface of a row, even one that has disappeared from the list. */
export function aliasOf(row: AnycastRowView): string {
  return row.iface?.alias ?? `interface ${row.entry.interfaceIndex}`;
}

/** The row's Delete button's accessible name: shown by the table, and found again to put focus back after Undo. */
export function deleteLabelOf(row: AnycastRowView): string {
  return `Delete ${row.entry.address} from ${aliasOf(row)}`;
}
