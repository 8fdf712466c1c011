/**
 * Interface aliases are the only text in a script that does not come from the app, so each
 * format has one function that writes an alias safely or refuses it with a reason.
 */
import { quoteForReason } from './interface-reference';

export type AliasCheck = { ok: true; text: string } | { ok: false; reason: string };

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
