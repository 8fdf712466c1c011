/** Plain text about one anycast entry for a ticket: what it is, where, on which computer, when. */
import { interfaceLabel, type AnycastEntry, type NetworkInterface, type SystemStatus } from '../app/model';
import { FAMILY_LABEL, OPER_STATUS_LABEL } from './format';

export function entryDetailsText(
  entry: AnycastEntry,
  iface: NetworkInterface | undefined,
  context: { status: Pick<SystemStatus, 'machine' | 'backend'> | null; when: Date },
): string {
  const where = iface ? interfaceLabel(iface) : `interface index ${entry.interfaceIndex} (no longer listed)`;
  const lines = [
    `Anycast Manager entry: ${entry.address} on ${where}`,
    `Time: ${context.when.toISOString()}`,
    ...(context.status ? [`Machine: ${context.status.machine}`, `Backend: ${context.status.backend === 'windows' ? 'Windows' : 'Simulated'}`] : []),
    `Address: ${entry.address}`,
    `Family: ${FAMILY_LABEL[entry.family]}`,
    `Interface: ${where}`,
    `Interface LUID: ${entry.interfaceLuid}`,
    ...(iface ? [`Interface status: ${OPER_STATUS_LABEL[iface.operStatus]}`, `Interface description: ${iface.description}`] : []),
    `Scope ID: ${entry.scopeId}`,
  ];
  return lines.join('\n');
}
