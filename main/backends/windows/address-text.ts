/**
 * Address text straight from bytes in network order, for decoding whole tables:
 * the same text ipaddr.js gives (test/unit/address-text.test.ts compares them), without
 * an object per address.
 */

/** Each byte in hex: without leading zeros (a group's first byte), and as two digits. */
const HEX = Array.from({ length: 256 }, (_, n) => n.toString(16));
const HEX2 = HEX.map((digits) => digits.padStart(2, '0'));

/** Dotted quad of the 4 bytes from `at`. */
export function formatIpv4(bytes: Uint8Array, at: number): string {
  return `${bytes[at]!}.${bytes[at + 1]!}.${bytes[at + 2]!}.${bytes[at + 3]!}`;
}

/**
 * RFC 5952 text of the 16 bytes from `at`: lowercase hex without leading zeros, the longest
 * run of two or more zero groups as "::" (the first of equal runs). IPv4-mapped and
 * -compatible addresses stay in hex (::ffff:c000:201), as ipaddr.js writes them.
 */
export function formatIpv6(bytes: Uint8Array, at: number): string {
  let bestStart = -1;
  let bestLength = 1;
  let runStart = -1;
  for (let group = 0; group < 8; group++) {
    if ((bytes[at + 2 * group]! | bytes[at + 2 * group + 1]!) !== 0) {
      runStart = -1;
      continue;
    }
    if (runStart < 0) runStart = group;
    if (group - runStart + 1 > bestLength) {
      bestStart = runStart;
      bestLength = group - runStart + 1;
    }
  }
  if (bestStart < 0) return groups(bytes, at, 0, 8);
  return `${groups(bytes, at, 0, bestStart)}::${groups(bytes, at, bestStart + bestLength, 8)}`;
}

/** Groups [from, to) joined by ':'. */
function groups(bytes: Uint8Array, at: number, from: number, to: number): string {
  let text = '';
  for (let group = from; group < to; group++) {
    const high = bytes[at + 2 * group]!;
    const low = bytes[at + 2 * group + 1]!;
    if (group > from) text += ':';
    text += high === 0 ? HEX[low]! : HEX[high]! + HEX2[low]!;
  }
  return text;
}
