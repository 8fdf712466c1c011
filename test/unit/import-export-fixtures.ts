/** Interfaces and entries shared by the import, export and script tests. */
import type { AnycastEntry, NetworkInterface } from '../../app/model';

export function iface(luid: string, index: number, alias: string, stacks: { ipv4?: boolean; ipv6?: boolean } = {}): NetworkInterface {
  return {
    luid,
    index,
    alias,
    description: `${alias} adapter`,
    type: 6,
    operStatus: 'up',
    mac: '00-15-5D-01-02-03',
    mtu: 1500,
    ipv4: stacks.ipv4 ?? true,
    ipv6: stacks.ipv6 ?? true,
  };
}

/** 6 << 48 is an Ethernet LUID's IfType; the NetLuidIndex sits at bit 24. */
export const ETHERNET = iface('1688849860263936', 12, 'Ethernet');
export const WIFI = iface('19985273102270464', 7, 'Wi-Fi 2', { ipv6: false });
export const SWITCH = iface('36591746972385280', 31, 'vEthernet (Default Switch)');
export const BUERO = iface('1688849876992000', 14, 'Büro-LAN');

export const INTERFACES = [ETHERNET, WIFI, SWITCH, BUERO];

export function entry(address: string, on: NetworkInterface): AnycastEntry {
  return {
    address,
    family: address.includes(':') ? 'ipv6' : 'ipv4',
    interfaceLuid: on.luid,
    interfaceIndex: on.index,
    scopeId: address.startsWith('fe80') ? on.index : 0,
  };
}
