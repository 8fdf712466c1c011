/**
 * The saved set against this computer: which saved entries re-applying would add,
 * which are already there, and which cannot be added (the adapter is gone). Shaped as
 * an ImportPreview so the bulk-add machinery applies it and summarises the results.
 */
import { validateAnycastAddress } from '../../app/address-validation';
import type { ImportPreview, PreviewRow } from '../../app/bulk-import';
import { exportedEntries } from '../../app/entry-export';
import { quoteForReason, resolveInterface } from '../../app/interface-reference';
import { entryKey, hasStack, interfaceLabel, type AnycastEntry, type NetworkInterface } from '../../app/model';
import type { SavedEntry } from '../../app/saved-set';

/** The entries as the saved set keeps them: what an export carries, less the scope Windows assigns. */
export function toSavedEntries(entries: readonly AnycastEntry[], interfaces: readonly NetworkInterface[]): SavedEntry[] {
  return exportedEntries(entries, interfaces).map(({ scopeId: _scopeId, ...saved }) => saved);
}

/**
 * LUIDs normally survive a restart; when an adapter was reinstalled its LUID changes
 * but its alias usually does not, so the alias is the fallback, and only when exactly
 * one interface has it (resolveInterface refuses to guess).
 */
function findInterface(saved: SavedEntry, interfaces: readonly NetworkInterface[]) {
  const byLuid = interfaces.find((i) => i.luid === saved.interfaceLuid);
  if (byLuid) return { ok: true as const, iface: byLuid, warnings: [] };
  if (saved.interfaceAlias === '') {
    return { ok: false as const, reason: `No interface has LUID ${saved.interfaceLuid} any more, and the saved entry has no alias to find it by.` };
  }
  const byAlias = resolveInterface({ alias: saved.interfaceAlias }, interfaces);
  if (!byAlias.ok) return { ok: false as const, reason: `No interface has LUID ${saved.interfaceLuid} any more. ${byAlias.reason}` };
  return {
    ok: true as const,
    iface: byAlias.iface,
    warnings: [`The interface's LUID changed since the set was saved; it was found by its alias ${quoteForReason(saved.interfaceAlias)}.`],
  };
}

export function previewSavedSet(
  saved: readonly SavedEntry[],
  interfaces: readonly NetworkInterface[],
  entries: readonly AnycastEntry[],
): ImportPreview {
  const present = new Set(entries.map(entryKey));
  const rows = saved.map((entry, i): PreviewRow => {
    const base = { row: i + 1, location: `Entry ${i + 1}`, raw: `${entry.address} on ${entry.interfaceAlias || `LUID ${entry.interfaceLuid}`}` };
    const check = validateAnycastAddress(entry.address);
    if (!check.ok) return { ...base, warnings: [], status: 'invalid', reason: check.reason };
    const found = findInterface(entry, interfaces);
    if (!found.ok) return { ...base, warnings: [], address: check.address, family: check.family, status: 'invalid', reason: found.reason };
    const { iface, warnings } = found;
    const resolved = { address: check.address, family: check.family, interface: { luid: iface.luid, index: iface.index, alias: iface.alias } };
    if (!hasStack(iface, check.family)) {
      const stack = check.family === 'ipv4' ? 'IPv4' : 'IPv6';
      return { ...base, ...resolved, warnings, status: 'invalid', reason: `${interfaceLabel(iface)} has no ${stack} stack now.` };
    }
    if (present.has(entryKey({ address: check.address, interfaceLuid: iface.luid }))) {
      return { ...base, ...resolved, warnings, status: 'already-present', reason: `Already on ${interfaceLabel(iface)}; nothing to do.` };
    }
    return { ...base, ...resolved, warnings, status: 'ready' };
  });
  const counts = { ready: 0, 'already-present': 0, invalid: 0 };
  for (const row of rows) counts[row.status]++;
  return { format: 'json', notes: [], rows, counts };
}
