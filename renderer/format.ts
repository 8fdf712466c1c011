/** Words and formats the screen uses for model values. */
import type { Family, NetworkInterface, OperStatus } from '../app/model';

export const FAMILY_LABEL: Readonly<Record<Family, string>> = { ipv4: 'IPv4', ipv6: 'IPv6' };

export const OPER_STATUS_LABEL: Readonly<Record<OperStatus, string>> = {
  up: 'Up',
  down: 'Down',
  testing: 'Testing',
  unknown: 'Unknown',
  dormant: 'Dormant',
  notPresent: 'Not present',
  lowerLayerDown: 'Lower layer down',
};

/** Which colour a status dot gets: only "up" carries traffic. */
export function operStatusTone(status: OperStatus): 'up' | 'down' | 'other' {
  if (status === 'up') return 'up';
  if (status === 'down' || status === 'notPresent' || status === 'lowerLayerDown') return 'down';
  return 'other';
}

export function stacksOf(iface: Pick<NetworkInterface, 'ipv4' | 'ipv6'>): Family[] {
  return [...(iface.ipv4 ? (['ipv4'] as const) : []), ...(iface.ipv6 ? (['ipv6'] as const) : [])];
}

/** 24-hour hh:mm:ss, as the Windows clock shows seconds. */
export function formatClock(when: Date): string {
  return [when.getHours(), when.getMinutes(), when.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

export function pluralize(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/** Local date and time as yyyy-mm-dd hh:mm:ss: sorts as text and reads the same in every locale. */
export function formatDateTime(when: Date): string {
  const date = [when.getFullYear(), when.getMonth() + 1, when.getDate()].map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0')).join('-');
  return `${date} ${formatClock(when)}`;
}
