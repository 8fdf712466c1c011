/**
 * The domain model as runtime schemas. These schemas are the single source of the
 * types main, preload and renderer use; the IPC contract is built from them.
 */
import { z } from 'zod';

/** The largest NET_LUID: it is a u64. */
export const U64_MAX = 0xffff_ffff_ffff_ffffn;
const LUID_DIGITS = /^(0|[1-9][0-9]{0,19})$/;

/** A LUID written as Windows' u64, in decimal without leading zeros. */
export function isLuidText(text: string): boolean {
  return LUID_DIGITS.test(text) && BigInt(text) <= U64_MAX;
}

/** A NET_LUID as a decimal string: a u64 does not fit a JS number, and BigInt does not cross IPC. */
export const LuidString = z
  .string()
  .regex(LUID_DIGITS, 'An interface LUID is a decimal number.')
  .refine(isLuidText, 'An interface LUID fits in 64 bits.');
// The refinement re-tests the digits: zod runs it even after the regex has failed.

export const InterfaceIndex = z.number().int().min(0).max(0xffff_ffff);

export const Family = z.enum(['ipv4', 'ipv6']);

export const OperStatus = z.enum(['up', 'down', 'testing', 'unknown', 'dormant', 'notPresent', 'lowerLayerDown']);

export const NetworkInterface = z.object({
  luid: LuidString,
  index: InterfaceIndex,
  alias: z.string(),
  description: z.string(),
  /** IANA ifType, as in MIB_IF_ROW2.Type (6 Ethernet, 71 Wi-Fi, 24 loopback, 131 tunnel). */
  type: z.number().int().min(0),
  operStatus: OperStatus,
  /** Hyphenated upper-case hex as Windows shows it, or '' when the interface has none. */
  mac: z.string(),
  mtu: z.number().int().min(0),
  ipv4: z.boolean(),
  ipv6: z.boolean(),
});

export const AnycastEntry = z.object({
  address: z.string(),
  family: Family,
  interfaceLuid: LuidString,
  interfaceIndex: InterfaceIndex,
  scopeId: z.number().int().min(0),
});

export const BackendKind = z.enum(['windows', 'simulated']);

/** Where the audit log and the saved set are kept, and who can change them. */
export const RecordsFolder = z.object({
  path: z.string(),
  /**
   * administrators-only: the per-machine folder, whose permissions let only administrators
   * and SYSTEM change it (checked at start); loosened: others can change it too; unverified:
   * its permissions could not be set or checked; per-user: the account's own folder (the
   * simulated computer, a run without administrator rights, or not Windows).
   */
  access: z.enum(['administrators-only', 'loosened', 'unverified', 'per-user']),
  /** Why it is loosened or unverified, in words. */
  problems: z.array(z.string()),
});

export const SystemStatus = z.object({
  platform: z.string(),
  backend: BackendKind,
  /** Why the simulated backend is live: asked for with --demo, no Windows, or the browser preview. */
  simulatedReason: z.enum(['demo-flag', 'not-windows', 'preview']).nullable(),
  elevated: z.boolean(),
  anycastApi: z.boolean(),
  ipv4Stack: z.boolean(),
  ipv6Stack: z.boolean(),
  /** Computer and account names, for the audit trail and ticket details. */
  machine: z.string(),
  user: z.string(),
  records: RecordsFolder,
});

export const Operation = z.enum(['status', 'list-interfaces', 'list-anycast', 'get', 'create', 'delete', 'read-audit', 'saved-set']);

/** Every failure the renderer sees: the Win32 facts plus the catalogue's words for a person. */
export const AppError = z.object({
  code: z.number().int(),
  symbol: z.string(),
  systemMessage: z.string(),
  title: z.string(),
  what: z.string(),
  why: z.string(),
  todo: z.string(),
  operation: Operation,
  address: z.string().optional(),
  interfaceLabel: z.string().optional(),
});

export type Luid = z.infer<typeof LuidString>;
export type Family = z.infer<typeof Family>;
export type OperStatus = z.infer<typeof OperStatus>;
export type NetworkInterface = z.infer<typeof NetworkInterface>;
export type AnycastEntry = z.infer<typeof AnycastEntry>;
export type BackendKind = z.infer<typeof BackendKind>;
export type RecordsFolder = z.infer<typeof RecordsFolder>;
export type SystemStatus = z.infer<typeof SystemStatus>;
export type Operation = z.infer<typeof Operation>;
export type AppError = z.infer<typeof AppError>;

/** How a person recognises an interface: its alias and index, as in `netsh` output. */
export function interfaceLabel(iface: Pick<NetworkInterface, 'alias' | 'index'>): string {
  return `${iface.alias} (index ${iface.index})`;
}

/** Whether an interface carries the stack an address of this family needs. */
export function hasStack(iface: Pick<NetworkInterface, 'ipv4' | 'ipv6'>, family: Family): boolean {
  return family === 'ipv4' ? iface.ipv4 : iface.ipv6;
}

/** Row identity as the API defines it: address plus interface. */
export function entryKey(entry: Pick<AnycastEntry, 'address' | 'interfaceLuid'>): string {
  return `${entry.interfaceLuid}/${entry.address}`;
}
