/**
 * What a search box means, for the interface table and the anycast table alike.
 *
 * The whole query is read as one thing a person typed, never as loose words that may each
 * appear anywhere in a row. A row matches when any one of these rules holds:
 *
 * - **Phrase** (alias and description): the query's words are a run of whole words in the
 *   field, in order. Words are letters and digits; case, spaces and punctuation between them
 *   do not count. The last word may be the start of a word while it is being typed ("Ether"
 *   finds "Ethernet 2"), unless it ends in a digit: a number is matched whole, so
 *   "Ethernet 2" finds "Ethernet 2" and never "Ethernet 20" or "Ethernet 11".
 * - **Interface label**: "Ethernet 2 (index 23)", as the app writes an interface, finds the
 *   interface with exactly that alias and index.
 * - **Index**: "23", "#23" or "index 23" finds interface index 23 (and its entries).
 * - **MAC**: two-digit hex groups with '-' or ':' ("02-00-00-0A") or 12 bare hex digits find
 *   the MACs that begin with them, whichever separator either side uses.
 * - **Address** (anycast entries): a query without spaces made of address characters finds
 *   the addresses that begin with it ("192.0.2.", "2001:db8:"); a complete address finds the
 *   same address however it is written ("2001:DB8:0::1" finds 2001:db8::1, a zone suffix is
 *   ignored); a network ("192.0.2.0/24") finds the addresses inside it.
 * - **Family**: "IPv4" or "IPv6" finds the entries of that family.
 *
 * An empty query (or only spaces) matches every row.
 *
 * The audit log follows the same rules for a record's address and interface, and reads its
 * other fields (time, user, machine, operation, result) as phrases.
 *
 * Use: build each row's key once per listing (`interfaceSearchKey`, `entrySearchKey`,
 * `auditSearchKey`), parse the query once per change (`parseSearch`), then test rows with
 * `matchesInterface`, `matchesEntry` or `matchesAuditRecord`. `countText` words the count above a table: "10,000 addresses" when nothing
 * narrows it, "3 of 10,000" when a search or filter does.
 */
import ipaddr from 'ipaddr.js';
import type { AuditRecord } from './audit';
import type { AnycastEntry, Family, NetworkInterface } from './model';

/** A parsed query; opaque to callers, made by `parseSearch`. */
export interface SearchQuery {
  /** The query as typed, trimmed with runs of space made one. */
  readonly text: string;
  readonly words: readonly string[];
  /** The last word may be a word's beginning (it does not end in a digit). */
  readonly lastWordIsPrefix: boolean;
  readonly index: number | null;
  readonly label: { readonly aliasWords: readonly string[]; readonly index: number } | null;
  /** MAC digits, lower-case, no separators. */
  readonly macPrefix: string | null;
  /** Lower-case beginning of an address. */
  readonly addressPrefix: string | null;
  /** Canonical text of a complete address. */
  readonly address: string | null;
  readonly network: [ipaddr.IPv4 | ipaddr.IPv6, number] | null;
  readonly family: Family | null;
}

/** An interface's searchable fields, prepared once per listing. */
export interface InterfaceSearchKey {
  readonly index: number;
  readonly aliasWords: readonly string[];
  readonly descriptionWords: readonly string[];
  readonly macHex: string;
}

/** An anycast entry's searchable fields, with its interface's when the interface is known. */
export interface EntrySearchKey {
  readonly address: string;
  readonly family: Family;
  readonly interfaceIndex: number;
  readonly iface: InterfaceSearchKey | undefined;
}

/** An audit record's searchable fields: its change as an entry, everything else as phrases. */
export interface AuditSearchKey {
  readonly entry: EntrySearchKey;
  readonly phrases: readonly (readonly string[])[];
}

const WORD_SEPARATOR = /[^\p{L}\p{N}]+/u;
const ADDRESS_CHARACTERS = /^[0-9a-f.:]+$/;
const INDEX_QUERY = /^(?:index\s*|#)?(\d{1,10})$/;
const LABEL_QUERY = /^(.*\S)\s*\(index (\d{1,10})\)$/;
const MAC_GROUPS = /^[0-9a-f]{2}(?:[-:][0-9a-f]{1,2})+[-:]?$|^[0-9a-f]{2}[-:]$/;
const MAC_BARE = /^[0-9a-f]{12}$/;

function words(text: string): string[] {
  return text.toLowerCase().split(WORD_SEPARATOR).filter(Boolean);
}

export function parseSearch(query: string): SearchQuery {
  const text = query.trim().replace(/\s+/g, ' ');
  const lower = text.toLowerCase();
  const queryWords = words(text);
  const last = queryWords.at(-1) ?? '';
  const indexMatch = INDEX_QUERY.exec(lower);
  const labelMatch = LABEL_QUERY.exec(lower);
  const spaceless = !lower.includes(' ');
  return {
    text,
    words: queryWords,
    lastWordIsPrefix: last !== '' && !/\d$/.test(last),
    index: indexMatch ? Number(indexMatch[1]) : null,
    label: labelMatch ? { aliasWords: words(labelMatch[1] ?? ''), index: Number(labelMatch[2]) } : null,
    macPrefix: MAC_GROUPS.test(lower) || MAC_BARE.test(lower) ? lower.replace(/[-:]/g, '') : null,
    addressPrefix: spaceless && ADDRESS_CHARACTERS.test(lower) ? lower : null,
    address: spaceless ? canonicalAddress(lower) : null,
    network: spaceless ? network(lower) : null,
    family: lower === 'ipv4' || lower === 'ipv6' ? lower : null,
  };
}

export function isEmptySearch(query: SearchQuery): boolean {
  return query.text === '';
}

export function interfaceSearchKey(iface: Pick<NetworkInterface, 'index' | 'alias' | 'description' | 'mac'>): InterfaceSearchKey {
  return {
    index: iface.index,
    aliasWords: words(iface.alias),
    descriptionWords: words(iface.description),
    macHex: iface.mac.toLowerCase().replace(/[^0-9a-f]/g, ''),
  };
}

export function entrySearchKey(entry: Pick<AnycastEntry, 'address' | 'family' | 'interfaceIndex'>, iface: InterfaceSearchKey | undefined): EntrySearchKey {
  return { address: entry.address.toLowerCase(), family: entry.family, interfaceIndex: entry.interfaceIndex, iface };
}

export function matchesInterface(query: SearchQuery, key: InterfaceSearchKey): boolean {
  if (isEmptySearch(query)) return true;
  if (query.index !== null && key.index === query.index) return true;
  if (query.label !== null && key.index === query.label.index && sameWords(key.aliasWords, query.label.aliasWords)) return true;
  if (query.macPrefix !== null && key.macHex !== '' && key.macHex.startsWith(query.macPrefix)) return true;
  return containsPhrase(key.aliasWords, query) || containsPhrase(key.descriptionWords, query);
}

export function matchesEntry(query: SearchQuery, key: EntrySearchKey): boolean {
  if (isEmptySearch(query)) return true;
  if (query.family !== null && key.family === query.family) return true;
  if (query.addressPrefix !== null && key.address.startsWith(query.addressPrefix)) return true;
  if (query.address !== null && key.address === query.address) return true;
  if (query.network !== null && inNetwork(key.address, query.network)) return true;
  if (key.iface) return matchesInterface(query, key.iface);
  // An entry whose interface is not listed is still found by the index it names.
  return query.index !== null && key.interfaceIndex === query.index;
}

/**
 * `interfaceLabel` is how the record names the interface ("Ethernet 2 (index 23)"), so its
 * alias is read from there. The time is searched as a date and a time of day.
 */
export function auditSearchKey(
  record: Pick<AuditRecord, 'address' | 'family' | 'interfaceIndex' | 'interfaceLabel' | 'interfaceLuid' | 'time' | 'user' | 'machine' | 'result' | 'resultCode'>,
  operation: string,
  outcome: string,
): AuditSearchKey {
  const alias = record.interfaceLabel.replace(/\s*\(index \d+\)$/, '');
  const iface = interfaceSearchKey({ index: record.interfaceIndex, alias, description: '', mac: '' });
  const phrases = [record.time.replace('T', ' '), record.user, record.machine, operation, outcome, record.result ?? '', record.interfaceLuid, String(record.resultCode ?? '')];
  return { entry: entrySearchKey(record, iface), phrases: phrases.map(words) };
}

export function matchesAuditRecord(query: SearchQuery, key: AuditSearchKey): boolean {
  if (isEmptySearch(query)) return true;
  return matchesEntry(query, key.entry) || key.phrases.some((phrase) => containsPhrase(phrase, query));
}

export interface CountNoun {
  one: string;
  many: string;
}

/**
 * The count above a table: "10,000 addresses" (or "1 address") when nothing narrows it,
 * "3 of 10,000" when a search or filter is in force, even if every row still matches.
 */
export function countText(shown: number, total: number, narrowed: boolean, noun: CountNoun): string {
  if (narrowed) return `${formatCount(shown)} of ${formatCount(total)}`;
  return `${formatCount(total)} ${total === 1 ? noun.one : noun.many}`;
}

function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((word, i) => word === b[i]);
}

/** Whether the query's words are a run of whole words in `field` (the last may be a beginning). */
function containsPhrase(field: readonly string[], query: SearchQuery): boolean {
  const phrase = query.words;
  const n = phrase.length;
  if (n === 0 || n > field.length) return false;
  for (let start = 0; start + n <= field.length; start++) {
    let i = 0;
    while (i < n - 1 && field[start + i] === phrase[i]) i++;
    if (i < n - 1) continue;
    const fieldWord = field[start + n - 1] ?? '';
    const lastWord = phrase[n - 1] ?? '';
    if (fieldWord === lastWord || (query.lastWordIsPrefix && fieldWord.startsWith(lastWord))) return true;
  }
  return false;
}

function canonicalAddress(text: string): string | null {
  const withoutZone = text.replace(/%.*$/, '');
  if (!ipaddr.isValid(withoutZone)) return null;
  // Only a complete address: ipaddr.js also reads "10" or "10.1" as IPv4 shorthand.
  if (!ipaddr.IPv6.isValid(withoutZone) && !ipaddr.IPv4.isValidFourPartDecimal(withoutZone)) return null;
  const parsed = ipaddr.parse(withoutZone);
  // The app shows IPv6 in RFC 5952 form (address-validation), so compare in that form.
  return parsed.kind() === 'ipv6' ? (parsed as ipaddr.IPv6).toRFC5952String() : parsed.toString();
}

function network(text: string): [ipaddr.IPv4 | ipaddr.IPv6, number] | null {
  if (!text.includes('/')) return null;
  try {
    return ipaddr.parseCIDR(text);
  } catch {
    return null;
  }
}

function inNetwork(address: string, [base, bits]: [ipaddr.IPv4 | ipaddr.IPv6, number]): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() !== base.kind()) return false;
  return parsed.kind() === 'ipv4'
    ? (parsed as ipaddr.IPv4).match(base as ipaddr.IPv4, bits)
    : (parsed as ipaddr.IPv6).match(base as ipaddr.IPv6, bits);
}
