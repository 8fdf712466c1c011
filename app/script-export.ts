/**
 * Scripts a technician can push with fleet tools to recreate anycast entries: a PowerShell
 * script (New-NetIPAddress -Type Anycast) and a netsh batch file, each written in templates/
 * as it will run, with named slots this module fills. Entries created through
 * the API last until the next restart; the persistent-store scripts are the durable way.
 *
 * Both scripts name interfaces by alias, not by index or LUID: those are assigned by each
 * computer, while computers built from one image share aliases such as "Ethernet". Each
 * entry's comment records the index it had on the exporting computer, for a person to check.
 *
 * Interface aliases are the only text in a script that does not come from this module, so
 * each format has one function that writes an alias safely or refuses it with a reason, and
 * a refused entry is left out (and reported) rather than written in a form that might run.
 * Addresses are written only in the canonical form validateAnycastAddress returns.
 */
import { validateAnycastAddress } from './address-validation';
import { interfacesWithAlias, quoteForReason } from './interface-reference';
import type { AnycastEntry, Family, NetworkInterface } from './model';
import addEntryActive from './templates/add-entry.active.ps1.txt?raw';
import addEntryPersistent from './templates/add-entry.persistent.ps1.txt?raw';
import netshTemplate from './templates/anycast-entries.cmd.txt?raw';
import powerShellTemplate from './templates/anycast-entries.ps1.txt?raw';
import { fillTemplate } from './templates/fill-template';
import persistentStoreNote from './templates/store-note.persistent.cmd.txt?raw';

export type PolicyStore = 'active' | 'persistent';

export interface ScriptContext {
  store: PolicyStore;
  /** Passed in, not read from a clock, so a script is reproducible in tests. */
  generatedAt: Date;
  machine?: string;
}

export interface LeftOutEntry {
  address: string;
  interfaceLuid: string;
  reason: string;
}

export interface GeneratedScript {
  fileName: string;
  /** The file's whole content, byte order mark included where the format needs one. */
  text: string;
  included: number;
  leftOut: LeftOutEntry[];
}

/** An entry ready to be written: canonical address, the interface it is on here. */
interface Target {
  address: string;
  family: Family;
  alias: string;
  index: number;
}

type AliasCheck = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Characters no script line should carry: control characters (a line break would end a
 * command or a comment early), line and paragraph separators, and broken UTF-16 that
 * cannot be written to a file. Windows does not put these in aliases; an alias that has
 * them came from somewhere odd and is refused rather than mangled.
 */
const UNWRITABLE = /[\p{Cc}\p{Zl}\p{Zp}\p{Cs}]/u;

function unwritable(alias: string): string | undefined {
  const found = UNWRITABLE.exec(alias)?.[0];
  if (found === undefined) return undefined;
  const code = `U+${found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return `The interface alias ${quoteForReason(alias)} contains ${code}, which cannot be written safely into a script: control characters, line separators and broken UTF-16 are refused.`;
}

/**
 * PowerShell ends a single-quoted string at any of four quote characters, not only the
 * ASCII one, and reads a doubled quote character as one literal quote. Nothing else is
 * special inside single quotes: no $ expansion, no backtick escapes, no subexpressions.
 */
const POWERSHELL_SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g;

export function powerShellLiteral(text: string): string {
  return `'${text.replace(POWERSHELL_SINGLE_QUOTES, (q) => q + q)}'`;
}

export function powerShellAlias(alias: string): AliasCheck {
  const problem = unwritable(alias);
  return problem === undefined ? { ok: true, text: powerShellLiteral(alias) } : { ok: false, reason: problem };
}

/**
 * The netsh file is a cmd batch file, run with cmd's rules before netsh sees a word. Inside
 * double quotes cmd treats & | < > ^ ( ) as ordinary characters, so the alias is quoted; %
 * is still expanded there and is written %% (a literal % in a batch file); ! is made
 * ordinary by DisableDelayedExpansion at the top of the file. What cannot be expressed:
 * a double quote (cmd and netsh have no escape for it inside a quoted value), a trailing
 * backslash (the C runtime that splits netsh's arguments reads \" as a literal quote), and
 * an all-digit alias (netsh takes a number as an interface index).
 */
export function cmdQuotedAlias(alias: string): AliasCheck {
  const problem = unwritable(alias);
  if (problem !== undefined) return { ok: false, reason: problem };
  if (alias.includes('"')) {
    return { ok: false, reason: `The interface alias ${quoteForReason(alias)} contains a double quote, which a netsh command cannot express. Use the PowerShell export for this entry.` };
  }
  if (/^\d+$/.test(alias)) {
    return { ok: false, reason: `The interface alias ${quoteForReason(alias)} is all digits, which netsh would read as an interface index. Use the PowerShell export for this entry.` };
  }
  if (alias.endsWith('\\')) {
    return { ok: false, reason: `The interface alias ${quoteForReason(alias)} ends with a backslash, which netsh would read as an escaped quote. Use the PowerShell export for this entry.` };
  }
  return { ok: true, text: `"${alias.replaceAll('%', '%%')}"` };
}

/** Comment text from outside (the machine name) reduced to characters every comment syntax takes literally. */
function commentText(text: string): string {
  const safe = text.replace(/[^\p{L}\p{N} ._:()/-]/gu, '?');
  return safe.length > 64 ? `${safe.slice(0, 63)}…` : safe;
}

const countEntries = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`;

/** Resolves each entry to a target, or says why it cannot be scripted. */
function targets(
  entries: readonly AnycastEntry[],
  interfaces: readonly NetworkInterface[],
  writeAlias: (alias: string) => AliasCheck,
): { written: { target: Target; alias: string }[]; leftOut: LeftOutEntry[] } {
  const written: { target: Target; alias: string }[] = [];
  const leftOut: LeftOutEntry[] = [];
  for (const entry of entries) {
    const refuse = (reason: string) => leftOut.push({ address: entry.address, interfaceLuid: entry.interfaceLuid, reason });
    const check = validateAnycastAddress(entry.address);
    if (!check.ok) {
      refuse(`The address ${quoteForReason(entry.address)} cannot be scripted: ${check.reason}`);
      continue;
    }
    const iface = interfaces.find((i) => i.luid === entry.interfaceLuid);
    if (iface === undefined) {
      refuse(`No interface with LUID ${entry.interfaceLuid} is in the interface list, so its alias is unknown. Select Refresh and export again.`);
      continue;
    }
    if (iface.alias === '') {
      refuse(`Interface index ${iface.index} has no alias, and the script names interfaces by alias.`);
      continue;
    }
    const sameName = interfacesWithAlias(iface.alias, interfaces);
    if (sameName.length > 1) {
      refuse(`${sameName.length} interfaces here are named ${quoteForReason(iface.alias)} (ignoring case); a script that names interfaces by alias cannot tell them apart. Rename one of them.`);
      continue;
    }
    const alias = writeAlias(iface.alias);
    if (!alias.ok) {
      refuse(alias.reason);
      continue;
    }
    written.push({ target: { address: check.address, family: check.family, alias: iface.alias, index: iface.index }, alias: alias.text });
  }
  return { written, leftOut };
}

/** A left-out entry's address as a comment shows it: canonical text only, never what was passed in. */
function shownAddress(address: string): string {
  const check = validateAnycastAddress(address);
  return check.ok ? check.address : 'an address that is not valid';
}

/** Header lines shared by both formats, without the comment marker. */
function headerLines(kind: string, context: ScriptContext, included: number, leftOut: readonly LeftOutEntry[]): string[] {
  const store =
    context.store === 'persistent'
      ? 'persistent: each entry is added now and is kept after a restart.'
      : 'active: each entry is added now and is gone after the next restart.';
  return [
    `Anycast Manager export: anycast address entries as ${kind}.`,
    'Generated by: Anycast Manager',
    `Generated at: ${context.generatedAt.toISOString()}`,
    ...(context.machine === undefined ? [] : [`Exported from: ${commentText(context.machine)}`]),
    `Store: ${store}`,
    `Entries: ${included}`,
    ...(leftOut.length === 0
      ? []
      : [
          `Left out: ${countEntries(leftOut.length)} Anycast Manager could not write safely (it listed why):`,
          ...leftOut.map((e) => `  ${shownAddress(e.address)} on the interface with LUID ${commentText(e.interfaceLuid)}`),
        ]),
    '',
    'Interfaces are named by alias: indexes and LUIDs are assigned by each computer, while',
    'computers built from one image share aliases such as Ethernet. The comment on each',
    'entry gives the index the interface had on the computer the script was exported from.',
  ];
}

/*
 * -PolicyStore ActiveStore writes the running configuration only, PersistentStore only what
 * the next restart loads; leaving -PolicyStore out writes both. For "persistent" each entry
 * must end up in both, whichever of them already holds it: Anycast Manager itself writes
 * the active store only, and an entry saved earlier may be missing from the active one.
 */
const ADD_ENTRY: Readonly<Record<PolicyStore, string>> = { active: addEntryActive, persistent: addEntryPersistent };

export function powerShellScript(
  entries: readonly AnycastEntry[],
  interfaces: readonly NetworkInterface[],
  context: ScriptContext,
): GeneratedScript {
  const { written, leftOut } = targets(entries, interfaces, powerShellAlias);
  const total = written.length;
  const lines = fillTemplate(powerShellTemplate, {
    header: headerLines('a PowerShell script', context, total, leftOut).map((l) => (l === '' ? '#' : `# ${l}`)),
    'add-entry': fillTemplate(ADD_ENTRY[context.store], {}),
    entries: written.map(
      ({ target, alias }) =>
        `Add-AnycastEntry -InterfaceAlias ${alias} -IPAddress ${powerShellLiteral(target.address)}  # interface index ${target.index} on the exporting computer`,
    ),
    total: String(total),
    done: countEntries(total),
  });
  // CRLF and a byte order mark: Windows PowerShell 5.1 reads a .ps1 without one in the
  // local code page, which would garble non-English aliases.
  return { fileName: 'anycast-entries.ps1', text: `\uFEFF${lines.join('\r\n')}\r\n`, included: total, leftOut };
}

/**
 * netsh's IPv4 context names the interface with name=, its IPv6 context with interface=.
 * Anycast entries have no prefix length (MIB_ANYCASTIPADDRESS_ROW has none), so no mask is given.
 */
function netshCommand(target: Target, alias: string, store: PolicyStore): string {
  const [context, tag] = target.family === 'ipv4' ? ['ipv4', 'name'] : ['ipv6', 'interface'];
  return `netsh interface ${context} add address ${tag}=${alias} address=${target.address} type=anycast store=${store}`;
}

/**
 * A .cmd batch file rather than a `netsh -f` script: fleet tools run batch files directly,
 * and cmd lets every command fail on its own (|| counts it) without stopping the rest.
 */
export function netshScript(
  entries: readonly AnycastEntry[],
  interfaces: readonly NetworkInterface[],
  context: ScriptContext,
): GeneratedScript {
  const { written, leftOut } = targets(entries, interfaces, cmdQuotedAlias);
  const total = written.length;
  const lines = fillTemplate(netshTemplate, {
    header: headerLines('a netsh batch file', context, total, leftOut).map((l) => (l === '' ? 'rem' : `rem ${l}`)),
    'store-note': context.store === 'persistent' ? fillTemplate(persistentStoreNote, {}) : [],
    commands: written.flatMap(({ target, alias }, i) => [
      `rem ${i + 1} of ${total}: interface index ${target.index} on the exporting computer`,
      `${netshCommand(target, alias, context.store)} || set /a FAILED+=1`,
    ]),
    total: String(total),
    done: countEntries(total),
  });
  // CRLF: cmd misreads labels and long lines in batch files with bare LF line ends.
  return { fileName: 'anycast-entries.cmd', text: `${lines.join('\r\n')}\r\n`, included: total, leftOut };
}
