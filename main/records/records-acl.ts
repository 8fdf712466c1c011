/**
 * The access rule for the folder that holds the audit log and the saved set, written as
 * SDDL (Windows' text form of a security descriptor), and the check that a folder's
 * actual descriptor still keeps that rule: only Administrators, SYSTEM and Windows'
 * own TrustedInstaller may change anything in it. Pure functions: the Windows calls that
 * apply and read a descriptor are in windows-folder-security.ts.
 */

/**
 * Owner Administrators; the DACL protected from inheritance (P), so nothing ProgramData
 * grants its users reaches in; SYSTEM and Administrators full control, Users read, each
 * inherited by files and subfolders (OICI).
 */
export const RECORDS_FOLDER_SDDL = 'O:BAD:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;FR;;;BU)';

const SYSTEM = 'S-1-5-18';
const ADMINISTRATORS = 'S-1-5-32-544';
const TRUSTED_INSTALLER = 'S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464';

/** The SID strings SDDL abbreviates that can appear in a file's descriptor. */
const SID_ALIASES: Readonly<Record<string, string>> = {
  SY: SYSTEM,
  BA: ADMINISTRATORS,
  BU: 'S-1-5-32-545',
  BG: 'S-1-5-32-546',
  PU: 'S-1-5-32-547',
  WD: 'S-1-1-0',
  AU: 'S-1-5-11',
  IU: 'S-1-5-4',
  NU: 'S-1-5-2',
  SU: 'S-1-5-6',
  AN: 'S-1-5-7',
  CO: 'S-1-3-0',
  CG: 'S-1-3-1',
  OW: 'S-1-3-4',
  NS: 'S-1-5-20',
  LS: 'S-1-5-19',
  AC: 'S-1-15-2-1',
  RC: 'S-1-5-12',
  WR: 'S-1-5-33',
};

/** Principals that may change the records: everyone else may at most read them. */
const TRUSTED = new Set([SYSTEM, ADMINISTRATORS, TRUSTED_INSTALLER]);

const NAMES: Readonly<Record<string, string>> = {
  [SYSTEM]: 'SYSTEM',
  [ADMINISTRATORS]: 'Administrators',
  'S-1-5-32-545': 'Users',
  'S-1-1-0': 'Everyone',
  'S-1-5-11': 'Authenticated Users',
  'S-1-5-4': 'Interactive users',
  'S-1-3-0': 'CREATOR OWNER',
  'S-1-3-4': 'OWNER RIGHTS',
  'S-1-5-32-546': 'Guests',
};

/** Access mask bits of the two-letter SDDL rights. */
const RIGHTS: Readonly<Record<string, number>> = {
  GA: 0x1000_0000, GX: 0x2000_0000, GW: 0x4000_0000, GR: 0x8000_0000,
  SD: 0x1_0000, RC: 0x2_0000, WD: 0x4_0000, WO: 0x8_0000,
  CC: 0x1, DC: 0x2, LC: 0x4, SW: 0x8, RP: 0x10, WP: 0x20, DT: 0x40, LO: 0x80, CR: 0x100,
  FA: 0x1f_01ff, FR: 0x12_0089, FW: 0x12_0116, FX: 0x12_00a0,
  KA: 0xf_003f, KR: 0x2_0019, KW: 0x2_0006, KX: 0x2_0019,
};

/**
 * Any of these lets a principal change the folder or a file in it: write or append data,
 * add files or subfolders, delete children or the object, write attributes or extended
 * attributes, change the permissions or the owner, generic write or all.
 */
const CHANGE_RIGHTS = 0x2 | 0x4 | 0x10 | 0x40 | 0x100 | 0x1_0000 | 0x4_0000 | 0x8_0000 | 0x4000_0000 | 0x1000_0000;

export interface Ace {
  type: string;
  flags: string;
  mask: number;
  /** A full SID string (S-1-…), resolved from an alias where SDDL used one. */
  sid: string;
}

export interface ParsedDescriptor {
  owner: string | null;
  /** null: no DACL at all, which grants everyone everything. */
  dacl: { protected: boolean; aces: Ace[] } | null;
}

export function parseSddl(sddl: string): ParsedDescriptor | { error: string } {
  const sections = /^(?:O:([^:]+?))?(?:G:([^:]+?))?(?:D:([^:]*?))?(?:S:(.*))?$/.exec(sddl.trim());
  if (!sections) return { error: `not a security descriptor: ${sddl}` };
  const [, owner, , dacl] = sections;
  if (dacl === undefined || dacl.startsWith('NO_ACCESS_CONTROL')) return { owner: owner ? sidOf(owner) : null, dacl: null };
  const flagsEnd = dacl.indexOf('(');
  const flags = flagsEnd < 0 ? dacl : dacl.slice(0, flagsEnd);
  const aces = splitAces(flagsEnd < 0 ? '' : dacl.slice(flagsEnd));
  if (aces === null) return { error: `unbalanced parentheses in the DACL: ${dacl}` };
  const parsed: Ace[] = [];
  for (const text of aces) {
    const ace = parseAce(text);
    if ('error' in ace) return ace;
    parsed.push(ace);
  }
  return { owner: owner ? sidOf(owner) : null, dacl: { protected: /P/.test(flags.replace(/NO_ACCESS_CONTROL/, '')), aces: parsed } };
}

/**
 * Why a folder's descriptor lets someone other than administrators change the records,
 * one reason per finding, in words; empty when it keeps the rule.
 */
export function recordsAclProblems(sddl: string): string[] {
  const parsed = parseSddl(sddl);
  if ('error' in parsed) return [`its permissions could not be read (${parsed.error})`];
  const problems: string[] = [];
  if (parsed.owner === null) problems.push('it has no owner on record');
  else if (!TRUSTED.has(parsed.owner)) problems.push(`it is owned by ${nameOf(parsed.owner)}, who can change its permissions`);
  if (parsed.dacl === null) return [...problems, 'it has no access list, so everyone has full control'];
  if (!parsed.dacl.protected) problems.push('it inherits permissions from the folder above it');
  for (const ace of parsed.dacl.aces) {
    if (!isAllow(ace.type)) continue;
    if (ace.type !== 'A') {
      problems.push(`it has an access entry of a kind the app does not check (${ace.type} for ${nameOf(ace.sid)})`);
    } else if (!TRUSTED.has(ace.sid) && (ace.mask & CHANGE_RIGHTS) !== 0) {
      problems.push(`${nameOf(ace.sid)} can change what it holds`);
    }
  }
  return problems;
}

function parseAce(text: string): Ace | { error: string } {
  const fields = text.split(';');
  if (fields.length < 6) return { error: `not an access entry: (${text})` };
  const [type = '', flags = '', rights = '', , , sid = ''] = fields;
  const mask = maskOf(rights);
  if (mask === null) return { error: `unknown rights ${rights} in (${text})` };
  return { type, flags, mask, sid: sidOf(sid) };
}

/** "(…)(…)" into the texts inside each pair; a conditional ACE nests parentheses. */
function splitAces(text: string): string[] | null {
  const aces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let at = 0; at < text.length; at++) {
    if (text[at] === '(') {
      if (depth === 0) start = at + 1;
      depth += 1;
    } else if (text[at] === ')') {
      depth -= 1;
      if (depth < 0) return null;
      if (depth === 0) aces.push(text.slice(start, at));
    } else if (depth === 0) {
      return null;
    }
  }
  return depth === 0 ? aces : null;
}

function maskOf(rights: string): number | null {
  if (/^0x[0-9a-f]+$/i.test(rights)) return Number.parseInt(rights.slice(2), 16) >>> 0;
  if (/^[0-9]+$/.test(rights)) return Number(rights) >>> 0;
  if (rights.length % 2 !== 0) return null;
  let mask = 0;
  for (let at = 0; at < rights.length; at += 2) {
    const bits = RIGHTS[rights.slice(at, at + 2).toUpperCase()];
    if (bits === undefined) return null;
    mask = (mask | bits) >>> 0;
  }
  return mask;
}

const isAllow = (type: string) => type === 'A' || type === 'OA' || type === 'XA' || type === 'ZA';

function sidOf(text: string): string {
  return SID_ALIASES[text.toUpperCase()] ?? text.toUpperCase();
}

function nameOf(sid: string): string {
  return NAMES[sid] ?? sid;
}
