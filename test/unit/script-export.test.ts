/**
 * Script export: golden files for the exact text, and injection tests. No PowerShell or
 * cmd runs here (Debian has no PowerShell package), so the tests read the generated scripts
 * with each language's own quoting rules and prove that an alias can only ever end up as
 * the value of one quoted argument: every other byte of the script is the same as for a
 * harmless alias.
 */
import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnycastEntry } from '../../app/model';
import {
  cmdQuotedAlias,
  netshScript,
  powerShellLiteral,
  powerShellScript,
  type GeneratedScript,
  type ScriptContext,
} from '../../app/script-export';
import { BUERO, entry, ETHERNET, iface, INTERFACES, SWITCH } from './import-export-fixtures';

const GOLDEN_DIR = join(__dirname, 'golden');
const generatedAt = new Date('2025-03-04T05:06:07.000Z');
const context = (store: ScriptContext['store']): ScriptContext => ({ store, generatedAt, machine: 'HELPDESK-01' });

// ------------------------------------------------------------------ golden files

const APOSTROPHE = iface('1688849877057536', 15, "Bob's NIC");
const PERCENT = iface('1688849877123072', 16, 'Lab 100% & more');
const QUOTED = iface('1688849877188608', 17, 'Say "hi"');
const GOLDEN_INTERFACES = [...INTERFACES, APOSTROPHE, PERCENT, QUOTED];
const GOLDEN_ENTRIES = [
  entry('192.0.2.10', ETHERNET),
  entry('2001:db8::53', SWITCH),
  entry('fe80::1', BUERO),
  entry('198.51.100.7', APOSTROPHE),
  entry('2001:db8::7', PERCENT),
  entry('192.0.2.99', QUOTED),
  entry('192.0.2.200', iface('999', 99, 'Removed since')),
];

/** Compares with the file in test/unit/golden; UPDATE_GOLDEN=1 rewrites it instead (then review the diff). */
function expectGolden(name: string, text: string) {
  const path = join(GOLDEN_DIR, name);
  if (process.env['UPDATE_GOLDEN'] === '1') {
    writeFileSync(path, text, 'utf8');
    return;
  }
  let expected: string;
  try {
    expected = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`Golden file ${name} is missing. Run UPDATE_GOLDEN=1 npx vitest run --project node test/unit/script-export.test.ts and review it.`);
  }
  expect(text).toBe(expected);
}

describe('golden scripts', () => {
  it.each(['active', 'persistent'] as const)('PowerShell, %s store', (store) => {
    const script = powerShellScript(GOLDEN_ENTRIES, GOLDEN_INTERFACES, context(store));
    expect(script.fileName).toBe('anycast-entries.ps1');
    expect(script.included).toBe(6);
    expect(script.leftOut).toEqual([
      { address: '192.0.2.200', interfaceLuid: '999', reason: expect.stringMatching(/No interface with LUID 999/) },
    ]);
    expectGolden(`anycast-entries.${store}.ps1`, script.text);
  });

  it.each(['active', 'persistent'] as const)('netsh batch file, %s store', (store) => {
    const script = netshScript(GOLDEN_ENTRIES, GOLDEN_INTERFACES, context(store));
    expect(script.fileName).toBe('anycast-entries.cmd');
    expect(script.included).toBe(5);
    expect(script.leftOut.map((e) => e.address)).toEqual(['192.0.2.99', '192.0.2.200']);
    expect(script.leftOut[0]?.reason).toMatch(/contains a double quote, which a netsh command cannot express/);
    expectGolden(`anycast-entries.${store}.cmd`, script.text);
  });
});

describe('PowerShell script content', () => {
  const active = powerShellScript(GOLDEN_ENTRIES, GOLDEN_INTERFACES, context('active')).text;
  const persistent = powerShellScript(GOLDEN_ENTRIES, GOLDEN_INTERFACES, context('persistent')).text;

  it('starts with a BOM and uses CRLF throughout', () => {
    expect(active.startsWith('\uFEFF# Anycast Manager export')).toBe(true);
    expect(active.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('stops on errors inside each entry, and reports and continues per entry', () => {
    expect(active).toContain("\r\n$ErrorActionPreference = 'Stop'\r\n");
    // The NetTCPIP cmdlets ignore a script's preference: every New-NetIPAddress says it itself.
    for (const script of [active, persistent]) {
      const adds = script.split('\r\n').filter((line) => line.includes('New-NetIPAddress -InterfaceAlias'));
      expect(adds.length).toBeGreaterThan(0);
      for (const line of adds) expect(line).toContain(' -ErrorAction Stop ');
    }
    expect(active).toContain('    try {\r\n');
    expect(active).toContain('    } catch {\r\n        $script:failed++\r\n');
    expect(active).toContain('    exit 1\r\n');
  });

  it('active store: New-NetIPAddress -Type Anycast -PolicyStore ActiveStore, nothing persistent', () => {
    expect(active).toContain('New-NetIPAddress -InterfaceAlias $InterfaceAlias -IPAddress $IPAddress -Type Anycast -PolicyStore ActiveStore');
    expect(active).not.toContain('PersistentStore');
    expect(active).toContain('# Store: active: each entry is added now and is gone after the next restart.');
  });

  it('persistent store: both stores for a new entry, and the missing store for one half there', () => {
    expect(persistent).toContain('New-NetIPAddress -InterfaceAlias $InterfaceAlias -IPAddress $IPAddress -Type Anycast -ErrorAction Stop | Out-Null');
    expect(persistent).toMatch(/\} elseif \(\$active\) \{\r\n\s+New-NetIPAddress [^\r]* -PolicyStore PersistentStore -ErrorAction Stop/);
    expect(persistent).toMatch(/\} elseif \(\$saved\) \{\r\n\s+New-NetIPAddress [^\r]* -PolicyStore ActiveStore -ErrorAction Stop/);
    expect(persistent).toContain('# Store: persistent: each entry is added now and is kept after a restart.');
  });

  it('finds an existing entry by exact alias and by address value, not by Get-NetIPAddress filters', () => {
    // -InterfaceAlias there takes wildcards, and link-local addresses come back with a zone.
    expect(active).not.toMatch(/Get-NetIPAddress [^\r]*-InterfaceAlias/);
    expect(active).toContain("$_.InterfaceAlias -eq $InterfaceAlias -and ([ipaddress] ($_.IPAddress -replace '%.*$')).Equals($wanted)");
  });

  it('targets interfaces by alias and writes no -PrefixLength', () => {
    expect(active).toContain("Add-AnycastEntry -InterfaceAlias 'Bob''s NIC' -IPAddress '198.51.100.7'  # interface index 15 on the exporting computer");
    expect(active).not.toMatch(/-PrefixLength|-InterfaceIndex/);
  });

  it('has balanced strings, braces and parentheses', () => {
    expect(() => checkPowerShellStructure(active)).not.toThrow();
    expect(() => checkPowerShellStructure(persistent)).not.toThrow();
    expect(() => checkPowerShellStructure("function f { 'open")).toThrow(/unterminated/);
    expect(() => checkPowerShellStructure('if ($a) { b')).toThrow(/unbalanced/);
  });

  it('keeps the machine name in the header to characters a comment takes literally', () => {
    const text = powerShellScript([], INTERFACES, { ...context('active'), machine: 'PC\r\nStop-Computer #>' }).text;
    expect(text).toContain('# Exported from: PC??Stop-Computer ??\r\n');
  });
});

describe('netsh batch file content', () => {
  const active = netshScript(GOLDEN_ENTRIES, GOLDEN_INTERFACES, context('active')).text;

  it('uses the IPv4 name= and IPv6 interface= forms with type=anycast and the chosen store', () => {
    expect(active).toContain('\r\nnetsh interface ipv4 add address name="Ethernet" address=192.0.2.10 type=anycast store=active || set /a FAILED+=1\r\n');
    expect(active).toContain('\r\nnetsh interface ipv6 add address interface="vEthernet (Default Switch)" address=2001:db8::53 type=anycast store=active || set /a FAILED+=1\r\n');
    expect(netshScript(GOLDEN_ENTRIES, GOLDEN_INTERFACES, context('persistent')).text).toMatch(/type=anycast store=persistent \|\|/);
  });

  it('doubles % and turns delayed expansion off before the first command', () => {
    expect(active).toContain('interface="Lab 100%% & more"');
    expect(active.indexOf('setlocal EnableExtensions DisableDelayedExpansion')).toBeLessThan(active.indexOf('\r\nnetsh '));
    expect(active.startsWith('@echo off\r\n')).toBe(true);
  });
});

// ------------------------------------------------------------------ injection

/** PowerShell's single quote characters: a verbatim string ends at any of them unless it is doubled. */
const PS_QUOTES = new Set(["'", '\u2018', '\u2019', '\u201A', '\u201B']);

/**
 * Reads a PowerShell verbatim (single-quoted) string starting at `start`, by the language
 * specification: any quote character ends it unless the next character is a quote character
 * too, in which case the pair stands for one literal quote. Returns the value and the end.
 */
function readVerbatimString(text: string, start: number): { value: string; end: number } {
  if (!PS_QUOTES.has(text[start]!)) throw new Error(`no string at ${start}`);
  let value = '';
  let pos = start + 1;
  while (pos < text.length) {
    const c = text[pos]!;
    if (PS_QUOTES.has(c)) {
      if (PS_QUOTES.has(text[pos + 1] ?? '')) {
        value += text[pos + 1];
        pos += 2;
        continue;
      }
      return { value, end: pos + 1 };
    }
    value += c;
    pos++;
  }
  throw new Error('unterminated string');
}

/** Each Add-AnycastEntry line, read token by token; anything but the expected shape throws. */
function readPowerShellEntries(text: string): { alias: string; address: string; end: number }[] {
  const found: { alias: string; address: string; end: number }[] = [];
  const prefix = '\r\nAdd-AnycastEntry -InterfaceAlias ';
  for (let at = text.indexOf(prefix); at !== -1; at = text.indexOf(prefix, at + 1)) {
    const alias = readVerbatimString(text, at + prefix.length);
    const middle = ' -IPAddress ';
    if (text.slice(alias.end, alias.end + middle.length) !== middle) throw new Error('unexpected text after the alias');
    const address = readVerbatimString(text, alias.end + middle.length);
    const rest = /^ {2}# interface index \d+ on the exporting computer\r\n/.exec(text.slice(address.end));
    if (rest === null) throw new Error(`unexpected text after the address: ${JSON.stringify(text.slice(address.end, address.end + 40))}`);
    found.push({ alias: alias.value, address: address.value, end: address.end });
  }
  return found;
}

/** Replaces each entry's alias literal with a placeholder, leaving every other character. */
function withoutPowerShellAliases(text: string): string {
  const prefix = '\r\nAdd-AnycastEntry -InterfaceAlias ';
  let out = '';
  let from = 0;
  for (let at = text.indexOf(prefix, from); at !== -1; at = text.indexOf(prefix, from)) {
    const literalStart = at + prefix.length;
    out += text.slice(from, literalStart) + '<alias>';
    from = readVerbatimString(text, literalStart).end;
  }
  return out + text.slice(from);
}

/**
 * A lexer-level check of the whole script: comments, single- and double-quoted strings
 * (with backtick escapes and $( ) subexpressions), and balanced braces and parentheses.
 */
function checkPowerShellStructure(text: string): void {
  const stack: string[] = [];
  const closer: Record<string, string> = { '(': ')', '{': '}' };
  let pos = 0;
  while (pos < text.length) {
    const c = text[pos]!;
    if (c === '#') {
      while (pos < text.length && text[pos] !== '\n') pos++;
    } else if (PS_QUOTES.has(c)) {
      pos = readVerbatimString(text, pos).end;
      continue;
    } else if (c === '"') {
      pos++;
      let depth = 0;
      for (;;) {
        if (pos >= text.length) throw new Error('unterminated double-quoted string');
        const d = text[pos]!;
        if (d === '`') pos++;
        else if (d === '$' && text[pos + 1] === '(') {
          depth++;
          pos++;
        } else if (d === ')' && depth > 0) depth--;
        else if (d === '"' && depth === 0) break;
        pos++;
      }
    } else if (c === '(' || c === '{') {
      stack.push(closer[c]!);
    } else if (c === ')' || c === '}') {
      if (stack.pop() !== c) throw new Error(`unbalanced ${c} at ${pos}`);
    }
    pos++;
  }
  if (stack.length > 0) throw new Error(`unbalanced: ${stack.join('')} left open`);
}

/** Each netsh line: the alias must sit inside one pair of double quotes, every % doubled. */
function readNetshEntries(text: string): { alias: string; address: string }[] {
  const line = /\r\nnetsh interface (ipv4|ipv6) add address (name|interface)="([^"]*)" address=([0-9a-f.:]+) type=anycast store=(active|persistent) \|\| set \/a FAILED\+=1\r\n/g;
  return [...text.matchAll(line)].map((m) => {
    const quoted = m[3]!;
    if (/[\p{Cc}]/u.test(quoted)) throw new Error('control character inside the quotes');
    if (quoted.endsWith('\\')) throw new Error('a backslash before the closing quote escapes it for netsh');
    // In a batch file %% is a literal %; a lone % would start a variable reference.
    if (/%(?!%)/.test(quoted.replaceAll('%%', ''))) throw new Error('a lone % would expand a variable');
    return { alias: quoted.replaceAll('%%', '%'), address: m[4]! };
  });
}

function withoutNetshAliases(text: string): string {
  return text.replace(/(add address (?:name|interface)=)"[^"]*"/g, '$1<alias>');
}

const HOSTILE_ALIASES = [
  "Ethernet'; Remove-Item C:\\ -Recurse; '",
  'Ethernet\u2019; Stop-Computer; \u2018',
  '$(Stop-Computer)',
  '`n',
  '"; del *; "',
  'a\nb',
  '%PATH%',
  '&calc',
  'x | format c: > nul ^',
  '!COMSPEC!',
  '#> Stop-Computer <#',
  'trailing\\',
  'tab\there',
  'nul\u0000byte',
  'line\u2028separator',
  '\ud800broken',
];

function scriptsFor(alias: string): { ps: GeneratedScript; cmd: GeneratedScript } {
  const nic = iface('5', 5, alias);
  const entries: AnycastEntry[] = [entry('192.0.2.1', nic), entry('2001:db8::1', nic)];
  return { ps: powerShellScript(entries, [nic], context('active')), cmd: netshScript(entries, [nic], context('persistent')) };
}

/** The same scripts for a harmless alias, to compare everything but the alias against. */
const benign = scriptsFor('Ethernet');

function expectPowerShellNeutralised(script: GeneratedScript, alias: string) {
  const entries = readPowerShellEntries(script.text);
  expect(entries.map((e) => [e.alias, e.address])).toEqual([
    [alias, '192.0.2.1'],
    [alias, '2001:db8::1'],
  ]);
  expect(withoutPowerShellAliases(script.text)).toBe(withoutPowerShellAliases(benign.ps.text));
  checkPowerShellStructure(script.text);
}

describe('no interface alias can inject commands', () => {
  it.each(HOSTILE_ALIASES)('PowerShell: %j is one quoted argument or left out', (alias) => {
    const { ps } = scriptsFor(alias);
    if (ps.included === 0) {
      expect(ps.leftOut).toHaveLength(2);
      expect(ps.leftOut[0]?.reason).toMatch(/contains U\+[0-9A-F]{4}, which cannot be written safely/);
      expect(ps.text).not.toContain('Add-AnycastEntry -InterfaceAlias');
      return;
    }
    expect(ps.included).toBe(2);
    expectPowerShellNeutralised(ps, alias);
  });

  it.each(HOSTILE_ALIASES)('netsh: %j is one quoted value or left out', (alias) => {
    const { cmd } = scriptsFor(alias);
    if (cmd.included === 0) {
      expect(cmd.leftOut).toHaveLength(2);
      expect(cmd.leftOut[0]?.reason).toMatch(/cannot be written safely|double quote|backslash/);
      expect(cmd.text).not.toMatch(/\r\nnetsh /);
      return;
    }
    expect(readNetshEntries(cmd.text).map((e) => e.alias)).toEqual([alias, alias]);
    expect(withoutNetshAliases(cmd.text)).toBe(withoutNetshAliases(benign.cmd.text));
  });

  it('refuses exactly the aliases each format cannot express', () => {
    const refused = (pick: 'ps' | 'cmd') => HOSTILE_ALIASES.filter((a) => scriptsFor(a)[pick].included === 0);
    const controls = ['a\nb', 'tab\there', 'nul\u0000byte', 'line\u2028separator', '\ud800broken'];
    expect(refused('ps')).toEqual(controls);
    expect(refused('cmd')).toEqual(['"; del *; "', 'a\nb', 'trailing\\', ...controls.slice(1)]);
  });

  it('PowerShell: any alias is neutralised or refused (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }), (alias) => {
        const { ps } = scriptsFor(alias);
        if (ps.included === 0) expect(ps.leftOut[0]?.reason).toMatch(/cannot be written safely/);
        else expectPowerShellNeutralised(ps, alias);
      }),
      { numRuns: 500 },
    );
  });

  it('netsh: any alias is neutralised or refused (property)', () => {
    const alphabet = fc.constantFrom(...'"%!^&|<>()\\\' \t\nabc=,;'.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: alphabet, minLength: 1, maxLength: 12 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 20 })), (alias) => {
        const { cmd } = scriptsFor(alias);
        if (cmd.included === 0) return;
        expect(readNetshEntries(cmd.text).map((e) => e.alias)).toEqual([alias, alias]);
        expect(withoutNetshAliases(cmd.text)).toBe(withoutNetshAliases(benign.cmd.text));
      }),
      { numRuns: 500 },
    );
  });

  it('the quoting helpers match the language rules', () => {
    expect(powerShellLiteral("it's")).toBe("'it''s'");
    expect(powerShellLiteral('a\u2019b\u2018c')).toBe("'a\u2019\u2019b\u2018\u2018c'");
    expect(powerShellLiteral('$x `n "y"')).toBe('\'$x `n "y"\'');
    expect(cmdQuotedAlias('50% & <more>')).toEqual({ ok: true, text: '"50%% & <more>"' });
    expect(cmdQuotedAlias('a"b')).toMatchObject({ ok: false });
    expect(cmdQuotedAlias('a\\b')).toEqual({ ok: true, text: '"a\\b"' });
    // netsh reads a number as an interface index.
    expect(cmdQuotedAlias('12')).toMatchObject({ ok: false, reason: expect.stringContaining('all digits') });
    expect(cmdQuotedAlias('Ethernet 12')).toEqual({ ok: true, text: '"Ethernet 12"' });
  });
});

describe('entries a script cannot name safely are left out with a reason', () => {
  it('an alias two interfaces share ignoring case', () => {
    const twins = [iface('1', 1, 'Ethernet'), iface('2', 2, 'ETHERNET')];
    const script = powerShellScript([entry('192.0.2.1', twins[0]!)], twins, context('active'));
    expect(script.included).toBe(0);
    expect(script.leftOut[0]?.reason).toMatch(/2 interfaces here are named "Ethernet" \(ignoring case\)/);
    expect(script.text).toContain('# Left out: 1 entry Anycast Manager could not write safely (it listed why):\r\n#   192.0.2.1 on the interface with LUID 1\r\n');
  });

  it('an empty alias, and an address that is not canonical text of a valid address', () => {
    const nameless = iface('3', 3, '');
    expect(netshScript([entry('192.0.2.1', nameless)], [nameless], context('active')).leftOut[0]?.reason).toMatch(/has no alias/);
    const bad = { ...entry('192.0.2.1', ETHERNET), address: '192.0.2.1 & calc' };
    const script = netshScript([bad, entry('2001:DB8::1', ETHERNET)], INTERFACES, context('active'));
    expect(script.leftOut[0]?.reason).toMatch(/cannot be scripted: An address cannot contain spaces/);
    expect(script.text).not.toContain('calc');
    expect(script.text).toContain('address=2001:db8::1 ');
  });
});
