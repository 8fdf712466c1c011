/**
 * Finding the interface a person or a file means. The rules protect a technician from
 * the one mistake that is hard to see afterwards: an address added to the wrong adapter.
 * So a LUID wins when it is given, an alias must match exactly one interface (ignoring
 * case, as Windows does), and anything that matches two interfaces is refused, never guessed.
 */
import { interfaceLabel, isLuidText, U64_MAX, type NetworkInterface } from './model';

/** What a row says about its interface; any of these may be missing. */
export interface InterfaceReference {
  luid?: string;
  alias?: string;
  index?: string;
  /** A value from an untyped column or a pasted line: a LUID, an alias or an index. */
  any?: string;
}

export type Resolution =
  | { ok: true; iface: NetworkInterface; warnings: string[] }
  | { ok: false; reason: string };

const U32_MAX = 0xffff_ffff;
const DECIMAL = /^(0|[1-9][0-9]*)$/;

/**
 * Windows compares aliases without regard to case. Folding both ways errs towards
 * "these match", which here means refusing an ambiguous row rather than picking one.
 */
export function sameAlias(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase() || a.toUpperCase() === b.toUpperCase();
}

export function interfacesWithAlias(alias: string, interfaces: readonly NetworkInterface[]): NetworkInterface[] {
  return interfaces.filter((iface) => sameAlias(iface.alias, alias));
}

function isIndexText(text: string): boolean {
  return DECIMAL.test(text) && text.length <= 10 && Number(text) <= U32_MAX;
}

/** Text from a file, shortened and with control characters made visible, for use inside a reason. */
export function quoteForReason(text: string): string {
  const visible = text.replace(/\p{Cc}/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${visible.length > 80 ? `${visible.slice(0, 79)}…` : visible}"`;
}

function describeAll(ifaces: readonly NetworkInterface[]): string {
  return ifaces.map((i) => `${interfaceLabel(i)}, LUID ${i.luid}`).join('; ');
}

function ambiguous(what: string, matches: readonly NetworkInterface[]): Resolution {
  return {
    ok: false,
    reason:
      `${what} matches ${matches.length} interfaces: ${describeAll(matches)}. ` +
      'Anycast Manager will not guess: give the interface LUID (an interfaceLuid column) for this row.',
  };
}

function notFound(what: string, interfaces: readonly NetworkInterface[]): Resolution {
  const names = interfaces.slice(0, 6).map((i) => quoteForReason(i.alias));
  const more = interfaces.length > names.length ? ', …' : '';
  const known = interfaces.length === 0 ? 'This computer lists no interfaces.' : `Interfaces here: ${names.join(', ')}${more}.`;
  return { ok: false, reason: `No interface matches ${what}. ${known} Select Refresh if an adapter was just connected.` };
}

/** Differences between the row's other identifiers and the interface its LUID chose. */
function crossCheck(ref: InterfaceReference, iface: NetworkInterface): string[] {
  const warnings: string[] = [];
  if (ref.alias !== undefined && ref.alias !== '' && ref.alias !== iface.alias) {
    warnings.push(`The row names the interface ${quoteForReason(ref.alias)}, but LUID ${iface.luid} is ${quoteForReason(iface.alias)} here; the LUID was used.`);
  }
  if (ref.index !== undefined && ref.index !== '' && ref.index !== String(iface.index)) {
    warnings.push(`The row gives interface index ${ref.index}, but LUID ${iface.luid} has index ${iface.index} here; the LUID was used.`);
  }
  return warnings;
}

function byLuid(luid: string, ref: InterfaceReference, interfaces: readonly NetworkInterface[]): Resolution {
  if (!isLuidText(luid)) {
    return { ok: false, reason: `The interface LUID ${quoteForReason(luid)} is not a LUID: a LUID is a whole number up to ${U64_MAX}.` };
  }
  const iface = interfaces.find((i) => i.luid === luid);
  if (iface === undefined) {
    return {
      ok: false,
      reason: `No interface here has LUID ${luid}. LUIDs belong to one computer; for a file from another computer, identify interfaces by alias.`,
    };
  }
  return { ok: true, iface, warnings: crossCheck(ref, iface) };
}

function byAlias(alias: string, interfaces: readonly NetworkInterface[]): Resolution {
  const matches = interfacesWithAlias(alias, interfaces);
  if (matches.length > 1) return ambiguous(`The alias ${quoteForReason(alias)}`, matches);
  const iface = matches[0];
  if (iface === undefined) return notFound(`the alias ${quoteForReason(alias)}`, interfaces);
  return { ok: true, iface, warnings: [] };
}

function byIndex(index: string, interfaces: readonly NetworkInterface[]): Resolution {
  if (!isIndexText(index)) {
    return { ok: false, reason: `The interface index ${quoteForReason(index)} is not an index: an index is a whole number up to ${U32_MAX}.` };
  }
  const matches = interfaces.filter((i) => i.index === Number(index));
  if (matches.length > 1) return ambiguous(`Interface index ${index}`, matches);
  const iface = matches[0];
  if (iface === undefined) return notFound(`index ${index}`, interfaces);
  return {
    ok: true,
    iface,
    warnings: [`Identified by index ${index} alone. Indexes change when an adapter is reinstalled; check that ${interfaceLabel(iface)} is the one you mean.`],
  };
}

/** An untyped value: it may be a LUID, an alias or an index, and must mean exactly one interface. */
function byAny(value: string, interfaces: readonly NetworkInterface[]): Resolution {
  const matches = interfaces.filter(
    (i) => sameAlias(i.alias, value) || i.luid === value || (isIndexText(value) && i.index === Number(value)),
  );
  if (matches.length > 1) return ambiguous(quoteForReason(value), matches);
  const iface = matches[0];
  if (iface === undefined) return notFound(quoteForReason(value), interfaces);
  const warnings =
    iface.luid !== value && !sameAlias(iface.alias, value)
      ? [`${quoteForReason(value)} was read as interface index ${value}. Indexes change when an adapter is reinstalled; check that ${interfaceLabel(iface)} is the one you mean.`]
      : [];
  return { ok: true, iface, warnings };
}

/** LUID first, then alias, then an untyped value, then an index on its own. */
export function resolveInterface(ref: InterfaceReference, interfaces: readonly NetworkInterface[]): Resolution {
  const given = (v: string | undefined): v is string => v !== undefined && v.trim() !== '';
  if (given(ref.luid)) return byLuid(ref.luid.trim(), ref, interfaces);
  if (given(ref.alias)) return byAlias(ref.alias, interfaces);
  if (given(ref.any)) return byAny(ref.any, interfaces);
  if (given(ref.index)) return byIndex(ref.index.trim(), interfaces);
  return { ok: false, reason: 'The row names no interface. Add the interface alias or LUID after the address.' };
}
