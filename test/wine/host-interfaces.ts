/**
 * The Linux host's interfaces and their addresses as iproute2 reports them, in the
 * terms a MIB_IF_ROW2 uses, for comparison with what Wine's iphlpapi lists.
 */
import { execFileSync } from 'node:child_process';

export interface HostInterface {
  name: string;
  index: number;
  linkType: string;
  /** Hyphenated upper case as Windows shows it; '' for links without a hardware address. */
  mac: string;
  mtu: number;
  /** The IFF_UP flag: administratively up. */
  up: boolean;
  /** Holds an address of the family, of any scope (host, link-local included). */
  ipv4: boolean;
  ipv6: boolean;
}

interface IpAddrEntry {
  ifindex: number;
  ifname: string;
  flags: string[];
  mtu: number;
  link_type: string;
  address?: string;
  addr_info: Array<{ family: string }>;
}

/**
 * Link types whose hardware address Wine copies into MIB_IF_ROW2 (ARPHRD_ETHER,
 * FDDI, IEEE802 and token ring, in nsiproxy.sys). Every other link, loopback
 * included, gets PhysicalAddressLength 0, as on Windows.
 */
const LINK_TYPES_WITH_MAC = new Set(['ether', 'fddi', 'ieee802', 'tr']);

export function readHostInterfaces(): HostInterface[] {
  // `ip addr` is `ip link` with each link's addresses added.
  const entries = JSON.parse(execFileSync('ip', ['-j', 'addr', 'show'], { encoding: 'utf8' })) as IpAddrEntry[];
  return entries.map((entry) => ({
    name: entry.ifname,
    index: entry.ifindex,
    linkType: entry.link_type,
    mac: LINK_TYPES_WITH_MAC.has(entry.link_type) && entry.address ? entry.address.toUpperCase().replaceAll(':', '-') : '',
    mtu: entry.mtu,
    up: entry.flags.includes('UP'),
    ipv4: entry.addr_info.some((a) => a.family === 'inet'),
    ipv6: entry.addr_info.some((a) => a.family === 'inet6'),
  }));
}
