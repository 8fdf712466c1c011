/** Believable interfaces for demos: what a technician sees on a typical office laptop. */
import type { NetworkInterface } from '../../../app/model';

/** NET_LUID: IfType in bits 48-63, NetLuidIndex in bits 24-47. */
export function makeLuid(ifType: number, netLuidIndex: number): bigint {
  return (BigInt(ifType) << 48n) | (BigInt(netLuidIndex) << 24n);
}

export interface SeedInterface extends Omit<NetworkInterface, 'luid'> {
  luid: bigint;
}

const IF_TYPE_ETHERNET = 6;
const IF_TYPE_LOOPBACK = 24;
const IF_TYPE_WIFI = 71;
const IF_TYPE_TUNNEL = 131;

export function seedInterfaces(): SeedInterface[] {
  return [
    {
      luid: makeLuid(IF_TYPE_ETHERNET, 1), index: 12, alias: 'Ethernet',
      description: 'Intel(R) Ethernet Connection (7) I219-LM', type: IF_TYPE_ETHERNET, operStatus: 'up',
      mac: '3C-52-82-4A-1B-7E', mtu: 1500, ipv4: true, ipv6: true,
    },
    {
      luid: makeLuid(IF_TYPE_WIFI, 1), index: 18, alias: 'Wi-Fi',
      description: 'Intel(R) Wi-Fi 6 AX201 160MHz', type: IF_TYPE_WIFI, operStatus: 'up',
      mac: '8C-C6-81-2F-90-D4', mtu: 1500, ipv4: true, ipv6: true,
    },
    {
      luid: makeLuid(IF_TYPE_ETHERNET, 2), index: 23, alias: 'Ethernet 2',
      description: 'Realtek USB GbE Family Controller', type: IF_TYPE_ETHERNET, operStatus: 'down',
      mac: '00-E0-4C-68-0A-31', mtu: 1500, ipv4: true, ipv6: true,
    },
    {
      luid: makeLuid(IF_TYPE_LOOPBACK, 0), index: 1, alias: 'Loopback Pseudo-Interface 1',
      description: 'Software Loopback Interface 1', type: IF_TYPE_LOOPBACK, operStatus: 'up',
      mac: '', mtu: 4294967295, ipv4: true, ipv6: true,
    },
    {
      luid: makeLuid(IF_TYPE_TUNNEL, 1), index: 14, alias: 'Teredo Tunneling Pseudo-Interface',
      description: 'Microsoft Teredo Tunneling Adapter', type: IF_TYPE_TUNNEL, operStatus: 'up',
      mac: '', mtu: 1280, ipv4: false, ipv6: true,
    },
    {
      luid: makeLuid(IF_TYPE_ETHERNET, 3), index: 31, alias: 'vEthernet (Lab)',
      description: 'Hyper-V Virtual Ethernet Adapter', type: IF_TYPE_ETHERNET, operStatus: 'up',
      mac: '00-15-5D-01-6E-02', mtu: 1500, ipv4: true, ipv6: false,
    },
  ];
}

/** A few entries so the demo does not open on an empty table. */
export const SEED_ANYCAST: ReadonlyArray<{ address: string; alias: string }> = [
  { address: '192.0.2.53', alias: 'Ethernet' },
  { address: '2001:db8:53::53', alias: 'Ethernet' },
];

/** A large machine for scale demos and tests: `interfaces` adapters, `entries` anycast rows spread over them. */
export function largeInterfaces(count: number): SeedInterface[] {
  return Array.from({ length: count }, (_, i) => ({
    luid: makeLuid(IF_TYPE_ETHERNET, 1000 + i),
    index: 100 + i,
    alias: `Ethernet ${i + 10}`,
    description: `Simulated Server Adapter #${i + 1}`,
    type: IF_TYPE_ETHERNET,
    operStatus: i % 7 === 6 ? 'down' : 'up',
    mac: `02-00-00-${hex2(i >> 16)}-${hex2(i >> 8)}-${hex2(i)}`,
    mtu: 1500,
    ipv4: true,
    ipv6: i % 5 !== 4,
  }));
}

function hex2(n: number): string {
  return (n & 0xff).toString(16).toUpperCase().padStart(2, '0');
}
