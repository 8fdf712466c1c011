/** Which interfaces can take an address of a family, and how to say why one cannot. */
import { noStackReason } from '../app/apply-plan';
import { hasStack, type Family, type NetworkInterface } from '../app/model';
import { FAMILY_LABEL, OPER_STATUS_LABEL } from './format';

/** Short reason shown beside a disabled choice, or null when the interface can take the address. */
export function unavailableReason(iface: NetworkInterface, family: Family | null): string | null {
  if (family === null) return iface.ipv4 || iface.ipv6 ? null : 'no IP stack';
  return hasStack(iface, family) ? null : `no ${FAMILY_LABEL[family]} stack`;
}

/** The inline error when the chosen interface cannot take the typed address. */
export function choiceProblem(iface: NetworkInterface, family: Family | null): string | null {
  if (unavailableReason(iface, family) === null) return null;
  if (family === null) return `${iface.alias} has no IP stack, so it cannot take an anycast address.`;
  return `${noStackReason(iface.alias, family)} Choose an interface that lists ${FAMILY_LABEL[family]}.`;
}

/** Allowed but worth knowing: an address on an interface that is not up is unreachable until it is. */
export function choiceWarning(iface: NetworkInterface): string | null {
  if (iface.operStatus === 'up') return null;
  return `${iface.alias} is ${OPER_STATUS_LABEL[iface.operStatus].toLowerCase()}: the address can be added, but nothing can reach it until the interface is up.`;
}
