/**
 * One plan for adding many entries, whatever they came from (a pasted list, a CSV, a JSON
 * entry list or the saved set): each row's address is checked, its interface found, its
 * stack checked, and rows that are already on the computer or repeat an earlier row are
 * marked as such (not as invalid), so applying the plan sends only rows that would change something.
 * Nothing here changes the machine.
 */
import { validateAnycastAddress } from './address-validation';
import { resolveInterface, type InterfaceReference, type Resolution } from './interface-reference';
import type { AnycastKey } from './ipc-contract';
import { entryKey, hasStack, interfaceLabel, type AnycastEntry, type Family, type NetworkInterface } from './model';

/** Where the rows came from; bulk add names the first three, re-applying the saved set the last. */
export type PlanSource = 'paste' | 'csv' | 'json' | 'saved-set';

export interface PlanInterface {
  luid: string;
  index: number;
  alias: string;
}

interface RowBase {
  /** 1-based position among the data rows; summariseApply keys outcomes by it. */
  row: number;
  /** Where a person finds the row in the input: "Line 4" or "Entry 3". */
  location: string;
  raw: string;
  /** Accepted, but worth a look: loopback addresses, rows identified by index alone. */
  warnings: string[];
}

interface Resolved {
  address: string;
  family: Family;
  interface: PlanInterface;
}

export type PlanRow =
  | (RowBase & Resolved & { status: 'ready' })
  | (RowBase & Resolved & { status: 'already-present'; reason: string })
  /** The same entry as an earlier row of this input: added once, by that row. */
  | (RowBase & Resolved & { status: 'repeated'; reason: string })
  /** `address` is kept when the address itself was good (the interface was not), so it can be shown. */
  | (RowBase & Partial<Resolved> & { status: 'invalid'; reason: string });

export type PlanStatus = PlanRow['status'];

export interface ApplyPlan<S extends PlanSource = PlanSource> {
  source: S;
  /** Set when the input as a whole cannot be read; rows is then empty. */
  problem?: string;
  /** Things a person should know about the input as a whole, such as ignored columns. */
  notes: string[];
  rows: PlanRow[];
  counts: Record<PlanStatus, number>;
}

/** A row as read, before anything is checked against this computer. */
export interface PlanCandidate {
  location: string;
  raw: string;
  address: string;
  ref: InterfaceReference;
  /** Set when the row could not even be read. */
  problem?: string;
}

/** What the plan is checked against: this computer as last read. */
export interface PlanContext {
  interfaces: readonly NetworkInterface[];
  /** The entries on the computer now, so rows that need nothing can say so. */
  entries: readonly AnycastEntry[];
}

/** How a source finds the interface a row names; the saved set falls back from LUID to alias. */
export type FindInterface = (ref: InterfaceReference, interfaces: readonly NetworkInterface[]) => Resolution;

const FAMILY_WORD: Readonly<Record<Family, string>> = { ipv4: 'IPv4', ipv6: 'IPv6' };

/** The one wording for an interface that lacks the family's stack; without an address, "this" address. */
export function noStackReason(label: string, family: Family, address?: string): string {
  const stack = FAMILY_WORD[family];
  return `${label} has no ${stack} stack, so it cannot take ${address === undefined ? `this ${stack} address` : `the ${stack} address ${address}`}.`;
}

export const emptyPlanCounts = (): Record<PlanStatus, number> => ({ ready: 0, 'already-present': 0, repeated: 0, invalid: 0 });

/** A plan that could not be made at all, saying why. */
export function refusedPlan<S extends PlanSource>(source: S, problem: string): ApplyPlan<S> {
  return { source, problem, notes: [], rows: [], counts: emptyPlanCounts() };
}

/** A person who typed "Ethernet 192.0.2.10" gets told the order, not that "Ethernet" is no address. */
function swappedOrder(row: PlanCandidate): string | undefined {
  const words = `${row.address} ${row.ref.any ?? ''}`.trim().split(/\s+/);
  const last = validateAnycastAddress(words.pop() ?? '');
  return last.ok && words.length > 0 ? `Put the address first, then the interface: "${last.address} ${words.join(' ')}".` : undefined;
}

function planRow(
  source: PlanCandidate,
  row: number,
  interfaces: readonly NetworkInterface[],
  find: FindInterface,
  present: ReadonlySet<string>,
  seen: Map<string, string>,
): PlanRow {
  const base = { row, location: source.location, raw: source.raw, warnings: [] as string[] };
  if (source.problem !== undefined) return { ...base, status: 'invalid', reason: source.problem };
  const check = validateAnycastAddress(source.address);
  const resolution = find(source.ref, interfaces);
  if (!check.ok || !resolution.ok) {
    const swapped = check.ok ? undefined : swappedOrder(source);
    const reasons = swapped !== undefined ? [swapped] : [check.ok ? '' : check.reason, resolution.ok ? '' : resolution.reason];
    const good = check.ok ? { address: check.address, family: check.family } : {};
    return { ...base, ...good, status: 'invalid', reason: reasons.filter((r) => r !== '').join(' ') };
  }
  const { iface } = resolution;
  const resolved: Resolved = {
    address: check.address,
    family: check.family,
    interface: { luid: iface.luid, index: iface.index, alias: iface.alias },
  };
  const warnings = [...check.warnings, ...check.notes, ...resolution.warnings];
  if (!hasStack(iface, check.family)) {
    return { ...base, ...resolved, warnings, status: 'invalid', reason: noStackReason(interfaceLabel(iface), check.family, check.address) };
  }
  const key = entryKey({ address: check.address, interfaceLuid: iface.luid });
  const earlier = seen.get(key);
  if (earlier !== undefined) {
    return { ...base, ...resolved, warnings, status: 'repeated', reason: `${earlier} already adds ${check.address} to ${interfaceLabel(iface)}; it is added once.` };
  }
  seen.set(key, source.location);
  if (present.has(key)) {
    return { ...base, ...resolved, warnings, status: 'already-present', reason: `${check.address} is already on ${interfaceLabel(iface)}; nothing to do.` };
  }
  return { ...base, ...resolved, warnings, status: 'ready' };
}

/** The key of an existing entry, with its address in the same canonical form rows get. */
function presentKey(entry: AnycastEntry): string {
  const check = validateAnycastAddress(entry.address);
  return entryKey({ address: check.ok ? check.address : entry.address, interfaceLuid: entry.interfaceLuid });
}

/** Checks every candidate against this computer and counts the outcomes. */
export function planRows<S extends PlanSource>(
  source: S,
  candidates: readonly PlanCandidate[],
  context: PlanContext,
  options: { notes?: string[]; find?: FindInterface } = {},
): ApplyPlan<S> {
  const present = new Set(context.entries.map(presentKey));
  const seen = new Map<string, string>();
  const find = options.find ?? resolveInterface;
  const rows = candidates.map((candidate, i) => planRow(candidate, i + 1, context.interfaces, find, present, seen));
  const counts = emptyPlanCounts();
  for (const row of rows) counts[row.status]++;
  return { source, notes: options.notes ?? [], rows, counts };
}

/** The createAnycast requests for the rows that are ready, keyed by row number for summariseApply. */
export function rowsToApply(plan: ApplyPlan): { row: number; request: AnycastKey }[] {
  return plan.rows.flatMap((r) =>
    r.status === 'ready'
      ? [{ row: r.row, request: { address: r.address, interfaceLuid: r.interface.luid, interfaceIndex: r.interface.index } }]
      : [],
  );
}
