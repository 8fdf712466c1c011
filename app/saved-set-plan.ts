/**
 * The saved set against this computer: which saved entries re-applying would add, which
 * are already there, and which cannot be added (the adapter is gone). The same plan as
 * bulk add, so the same run applies it and summarises the results.
 */
import { planRows, type ApplyPlan, type PlanContext } from './apply-plan';
import { exportedEntries } from './entry-export';
import { quoteForReason, resolveInterface, type InterfaceReference, type Resolution } from './interface-reference';
import type { AnycastEntry, NetworkInterface } from './model';
import type { SavedEntry } from './saved-set';

/** The entries as the saved set keeps them: what an export carries, less the scope Windows assigns. */
export function toSavedEntries(entries: readonly AnycastEntry[], interfaces: readonly NetworkInterface[]): SavedEntry[] {
  return exportedEntries(entries, interfaces).map(({ scopeId: _scopeId, ...saved }) => saved);
}

/**
 * LUIDs normally survive a restart; when an adapter was reinstalled its LUID changes
 * but its alias usually does not, so the alias is the fallback, and only when exactly
 * one interface has it (resolveInterface refuses to guess).
 */
function findSavedInterface(ref: InterfaceReference, interfaces: readonly NetworkInterface[]): Resolution {
  const luid = ref.luid ?? '';
  const byLuid = interfaces.find((i) => i.luid === luid);
  if (byLuid) return { ok: true, iface: byLuid, warnings: [] };
  const alias = ref.alias ?? '';
  if (alias === '') return { ok: false, reason: `No interface has LUID ${luid} any more, and the saved entry has no alias to find it by.` };
  const byAlias = resolveInterface({ alias }, interfaces);
  if (!byAlias.ok) return { ok: false, reason: `No interface has LUID ${luid} any more. ${byAlias.reason}` };
  return {
    ok: true,
    iface: byAlias.iface,
    warnings: [`The interface's LUID changed since the set was saved; it was found by its alias ${quoteForReason(alias)}.`],
  };
}

export function planSavedSet(saved: readonly SavedEntry[], context: PlanContext): ApplyPlan<'saved-set'> {
  const candidates = saved.map((entry, i) => ({
    location: `Entry ${i + 1}`,
    raw: `${entry.address} on ${entry.interfaceAlias || `LUID ${entry.interfaceLuid}`}`,
    address: entry.address,
    ref: { luid: entry.interfaceLuid, alias: entry.interfaceAlias },
  }));
  return planRows('saved-set', candidates, context, { find: findSavedInterface });
}
