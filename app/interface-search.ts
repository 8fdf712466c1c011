/**
 * How typed text finds an interface in the Add form's picker. Filtering is generous
 * (alias, description, index, MAC); choosing is strict: only text that names one
 * interface in full chooses it, so a typed name can never land on a different adapter.
 */
import { interfaceLabel, type NetworkInterface } from './model';

/** Lower case, trimmed, inner runs of spaces as one: "  Ethernet   17 " is "ethernet 17". */
function normalize(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Two octets or more of a MAC, as bare hex digits, whatever the separators ("3C-52",
 * "3c:52", "3c52"). Fewer would match most MACs: "12" is more likely an index.
 */
function macDigits(text: string): string | null {
  const compact = text.replace(/[\s:.-]/g, '');
  return /^[0-9a-f]{4,}$/i.test(compact) ? compact.toLowerCase() : null;
}

/**
 * The one interface the text names in full: its alias or its label ("Ethernet (index 12)"),
 * ignoring case and spacing. Null when none does, or when two interfaces share the alias.
 */
export function interfaceNamedBy(interfaces: readonly NetworkInterface[], text: string): NetworkInterface | null {
  const wanted = normalize(text);
  if (!wanted) return null;
  const only = (list: NetworkInterface[]) => (list.length === 1 ? (list[0] ?? null) : null);
  return (
    only(interfaces.filter((i) => normalize(interfaceLabel(i)) === wanted)) ??
    only(interfaces.filter((i) => normalize(i.alias) === wanted))
  );
}

/** Lower is better; null when the interface does not match at all. */
function rank(iface: NetworkInterface, query: string, mac: string | null): number | null {
  const alias = normalize(iface.alias);
  if (alias === query || normalize(interfaceLabel(iface)) === query) return 0;
  const index = String(iface.index);
  if (index === query) return 1;
  if (alias.startsWith(query)) return 2;
  if (alias.includes(query)) return 3;
  if (/^\d+$/.test(query) && index.startsWith(query)) return 4;
  if (normalize(iface.description).includes(query)) return 5;
  if (mac !== null && iface.mac.replace(/-/g, '').toLowerCase().includes(mac)) return 6;
  return null;
}

/**
 * The interfaces the text matches, best first: an exact alias, then the index typed
 * in full, an alias that starts with it, one that contains it, an index that starts
 * with it, the description, the MAC. The whole text is one phrase: "Ethernet 1" matches
 * "Ethernet 17", never "Ethernet 2" because it has a 1 elsewhere. Equal ranks keep their
 * order. Empty text matches every interface.
 */
export function searchInterfaces(interfaces: readonly NetworkInterface[], text: string): NetworkInterface[] {
  const query = normalize(text);
  if (!query) return [...interfaces];
  const mac = macDigits(query);
  return interfaces
    .map((iface, order) => ({ iface, order, rank: rank(iface, query, mac) }))
    .filter((hit): hit is { iface: NetworkInterface; order: number; rank: number } => hit.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map((hit) => hit.iface);
}
