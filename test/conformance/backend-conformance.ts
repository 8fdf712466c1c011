/**
 * The backend conformance suite: the rules of CreateAnycastIpAddressEntry and its
 * siblings, as the API document states them, written once and run against every
 * backend that loads here (the simulated one, the Windows one over the C test
 * library) and, on request, against the real API on Windows.
 *
 * Interfaces are found through listInterfaces() by what they carry, never by name,
 * so the same tests fit a seeded machine and a real one. Addresses come from the
 * documentation ranges (RFC 5737, RFC 3849), which nothing real uses, and each test
 * uses its own so that one test's leftovers cannot explain another's result.
 */
import type { TestContext } from 'vitest';
import type { AnycastBackend, AnycastRow, Win32Result } from '../../main/backends/backend';
import { AnycastEntry, NetworkInterface, type Family, type OperStatus } from '../../app/model';
import {
  ERROR_ACCESS_DENIED,
  ERROR_FILE_NOT_FOUND,
  ERROR_INVALID_PARAMETER,
  ERROR_NOT_FOUND,
  ERROR_NOT_SUPPORTED,
  ERROR_OBJECT_ALREADY_EXISTS,
} from '../../app/win32-errors';

export interface MachineOptions {
  /** false: the process lacks administrator rights. */
  elevated: boolean;
  /** false: the machine has no IPv4 stack at all. */
  ipv4Stack: boolean;
}

type Condition = 'unelevated' | 'noIpv4Stack' | 'interfaceChange';

export interface ConformanceSubject<B extends AnycastBackend = AnycastBackend> {
  name: string;
  makeBackend(options: MachineOptions): B | Promise<B>;
  /**
   * Makes the system change an interface's status, as a cable or a driver would; how
   * differs per backend. Without it, cannotProduce.interfaceChange must say why.
   */
  changeInterface?(backend: B, iface: NetworkInterface, status: OperStatus): void;
  /** Conditions the subject cannot be put in on demand, each with the reason its tests print when they skip. */
  cannotProduce?: Partial<Record<Condition, string>>;
  /** The interfaces the suite may add entries to (default: all). Reads may use any interface. */
  writable?: (iface: NetworkInterface) => boolean;
  /**
   * A real machine may lack a kind of interface a test needs (one without IPv4, a second
   * writable one); those tests then skip and say why. On a seeded machine that is a failure.
   */
  realMachine?: boolean;
}

const DEFAULTS: MachineOptions = { elevated: true, ipv4Stack: true };

type Code = { ok: false; code: number };
const code = (c: number): Code => ({ ok: false, code: c });

const familyOf = (address: string): Family => (address.includes(':') ? 'ipv6' : 'ipv4');

export function describeBackendConformance<B extends AnycastBackend>(subject: ConformanceSubject<B>): void {
  describe(`${subject.name}: anycast API rules`, () => {
    let machine: Machine<B> | null = null;

    afterEach(async () => {
      await machine?.removeWhatWasAdded();
      machine?.backend.close();
      machine = null;
    });

    async function setUp(ctx: TestContext, options: Partial<MachineOptions> = {}): Promise<Machine<B>> {
      const wanted = { ...DEFAULTS, ...options };
      if (!wanted.elevated) skipIfCannot(ctx, 'unelevated');
      if (!wanted.ipv4Stack) skipIfCannot(ctx, 'noIpv4Stack');
      const backend = await subject.makeBackend(wanted);
      const listed = await backend.listInterfaces();
      machine = new Machine(subject, ctx, backend, unwrap(listed, 'listInterfaces'));
      return machine;
    }

    function skipIfCannot(ctx: TestContext, condition: Condition): void {
      const reason = subject.cannotProduce?.[condition];
      if (reason) skipBecause(ctx, subject, reason);
    }

    it('reports an elevated machine with the API and both stacks, and interfaces that fit the model', async (ctx) => {
      const m = await setUp(ctx);
      expect(await m.backend.status()).toMatchObject({ elevated: true, anycastApi: true, ipv4Stack: true, ipv6Stack: true });
      expect(m.interfaces.length).toBeGreaterThan(0);
      for (const iface of m.interfaces) NetworkInterface.parse(iface);
      expect(new Set(m.interfaces.map((i) => i.luid)).size).toBe(m.interfaces.length);
      expect(new Set(m.interfaces.map((i) => i.index)).size).toBe(m.interfaces.length);
      unwrap(await m.backend.listAnycast(), 'listAnycast').forEach((e) => AnycastEntry.parse(e));
    });

    it.for([
      { family: 'ipv4', given: '192.0.2.61', stored: '192.0.2.61' },
      { family: 'ipv6', given: '2001:DB8:0:0::61', stored: '2001:db8::61' },
    ] as const)('round trip of an $family entry: create, list, get, delete, then gone', async ({ family, given, stored }, ctx) => {
      const m = await setUp(ctx);
      const iface = m.writable(`interface with ${family}`, (i) => i[family]);
      const expected: AnycastEntry = { address: stored, family, interfaceLuid: iface.luid, interfaceIndex: iface.index, scopeId: 0 };

      expect(await m.create(rowOn(iface, given))).toEqual({ ok: true, value: expected });
      expect(await m.entriesFor(stored)).toEqual([expected]);
      expect(await m.backend.getAnycast(rowOn(iface, stored))).toEqual({ ok: true, value: expected });
      expect(await m.backend.deleteAnycast(rowOn(iface, given))).toEqual({ ok: true, value: null });
      expect(await m.backend.getAnycast(rowOn(iface, stored))).toEqual(code(ERROR_NOT_FOUND));
      expect(await m.entriesFor(stored)).toEqual([]);
      expect(await m.backend.deleteAnycast(rowOn(iface, stored))).toEqual(code(ERROR_NOT_FOUND));
    });

    it('LUID before index: a row with a valid LUID and a wrong index goes to the LUID interface', async (ctx) => {
      const m = await setUp(ctx);
      const target = m.writable('interface with IPv4', (i) => i.ipv4);
      const other = m.any('second interface', (i) => i.luid !== target.luid && i.index !== target.index);

      const created = await m.create({ ...rowOn(target, '192.0.2.62'), interfaceIndex: other.index });
      expect(created).toMatchObject({ ok: true, value: { interfaceLuid: target.luid, interfaceIndex: target.index } });
      expect(await m.backend.getAnycast(rowOn(other, '192.0.2.62'))).toEqual(code(ERROR_NOT_FOUND));
      expect(await m.backend.getAnycast(rowByIndex(target, '192.0.2.62'))).toMatchObject({ ok: true });

      const unknownIndex = await m.create({ ...rowOn(target, '192.0.2.63'), interfaceIndex: m.unusedIndex() });
      expect(unknownIndex).toMatchObject({ ok: true, value: { interfaceLuid: target.luid, interfaceIndex: target.index } });
    });

    it('LUID zero: the index decides the interface', async (ctx) => {
      const m = await setUp(ctx);
      const target = m.writable('interface with IPv6', (i) => i.ipv6);

      const created = await m.create(rowByIndex(target, '2001:db8::64'));
      expect(created).toMatchObject({ ok: true, value: { interfaceLuid: target.luid, interfaceIndex: target.index } });
      expect(await m.backend.getAnycast(rowOn(target, '2001:db8::64'))).toEqual(created);
      expect(await m.backend.deleteAnycast(rowByIndex(target, '2001:db8::64'))).toEqual({ ok: true, value: null });
      expect(await m.entriesFor('2001:db8::64')).toEqual([]);
    });

    it('ScopeId is ignored on create and filled in from the interface', async (ctx) => {
      const m = await setUp(ctx);
      const v4 = m.writable('interface with IPv4', (i) => i.ipv4);
      const v6 = m.writable('interface with IPv6', (i) => i.ipv6);
      const scopeOf = async (iface: NetworkInterface, address: string) => {
        const created = unwrap(await m.create({ ...rowOn(iface, address), scopeId: 4242 }), `create ${address}`);
        const listed = (await m.entriesFor(created.address))[0];
        return { created: created.scopeId, listed: listed?.scopeId };
      };

      expect(await scopeOf(v4, '192.0.2.65')).toEqual({ created: 0, listed: 0 });
      expect(await scopeOf(v6, '2001:db8::65')).toEqual({ created: 0, listed: 0 });
      // Link-local addresses are scoped to their link: Windows uses the interface index.
      expect(await scopeOf(v6, 'fe80::65')).toEqual({ created: v6.index, listed: v6.index });
    });

    it('one copy of an address per interface: a duplicate, however named, is ERROR_OBJECT_ALREADY_EXISTS', async (ctx) => {
      const m = await setUp(ctx);
      const iface = m.writable('interface with IPv6', (i) => i.ipv6);

      expect(await m.create(rowOn(iface, '2001:db8::66'))).toMatchObject({ ok: true });
      expect(await m.create(rowOn(iface, '2001:db8::66'))).toEqual(code(ERROR_OBJECT_ALREADY_EXISTS));
      expect(await m.create(rowByIndex(iface, '2001:db8::66'))).toEqual(code(ERROR_OBJECT_ALREADY_EXISTS));
      expect(await m.create(rowOn(iface, '2001:0db8:0000::0066'))).toEqual(code(ERROR_OBJECT_ALREADY_EXISTS));
      expect(await m.entriesFor('2001:db8::66')).toHaveLength(1);
    });

    it('the same address on another interface is another row', async (ctx) => {
      const m = await setUp(ctx);
      const first = m.writable('interface with IPv4', (i) => i.ipv4);
      const second = m.writable('second interface with IPv4', (i) => i.ipv4 && i.luid !== first.luid);

      expect(await m.create(rowOn(first, '192.0.2.67'))).toMatchObject({ ok: true });
      expect(await m.create(rowOn(second, '192.0.2.67'))).toMatchObject({ ok: true, value: { interfaceLuid: second.luid } });
      expect((await m.entriesFor('192.0.2.67')).map((e) => e.interfaceLuid).sort()).toEqual([first.luid, second.luid].sort());
      expect(await m.backend.deleteAnycast(rowOn(first, '192.0.2.67'))).toEqual({ ok: true, value: null });
      expect((await m.entriesFor('192.0.2.67')).map((e) => e.interfaceLuid)).toEqual([second.luid]);
    });

    it('an interface that does not exist is ERROR_NOT_FOUND (ERROR_FILE_NOT_FOUND when reading one entry), by LUID or by index', async (ctx) => {
      const m = await setUp(ctx);
      const byLuid: AnycastRow = { address: '192.0.2.68', family: 'ipv4', interfaceLuid: m.unusedLuid(), interfaceIndex: 0, scopeId: 0 };
      const byIndex: AnycastRow = { ...byLuid, interfaceLuid: 0n, interfaceIndex: m.unusedIndex() };

      expect(await m.create(byLuid)).toEqual(code(ERROR_NOT_FOUND));
      expect(await m.create(byIndex)).toEqual(code(ERROR_NOT_FOUND));
      // GetAnycastIpAddressEntry's page documents ERROR_FILE_NOT_FOUND for a LUID or index not on the machine.
      expect(await m.backend.getAnycast(byLuid)).toEqual(code(ERROR_FILE_NOT_FOUND));
      expect(await m.backend.getAnycast(byIndex)).toEqual(code(ERROR_FILE_NOT_FOUND));
      expect(await m.backend.deleteAnycast(byIndex)).toEqual(code(ERROR_NOT_FOUND));
      expect(await m.entriesFor('192.0.2.68')).toEqual([]);
    });

    it('not a valid unicast address of the row family, or no interface named: ERROR_INVALID_PARAMETER', async (ctx) => {
      const m = await setUp(ctx);
      const v4 = m.writable('interface with IPv4', (i) => i.ipv4);
      const v6 = m.writable('interface with IPv6', (i) => i.ipv6);
      const cases: Array<[string, AnycastRow]> = [
        ['IPv4 multicast', rowOn(v4, '224.0.0.251')],
        ['IPv4 multicast, top of the range', rowOn(v4, '239.255.255.250')],
        ['IPv6 multicast', rowOn(v6, 'ff02::fb')],
        ['IPv4 unspecified', rowOn(v4, '0.0.0.0')],
        ['IPv6 unspecified', rowOn(v6, '::')],
        ['IPv4 limited broadcast', rowOn(v4, '255.255.255.255')],
        ['IPv6 text in an IPv4 row', { ...rowOn(v4, '2001:db8::69'), family: 'ipv4' }],
        ['IPv4 text in an IPv6 row', { ...rowOn(v6, '192.0.2.69'), family: 'ipv6' }],
        ['neither LUID nor index', { ...rowOn(v4, '192.0.2.69'), interfaceLuid: 0n, interfaceIndex: 0 }],
      ];
      const results = [];
      for (const [label, row] of cases) results.push({ label, result: await m.create(row) });
      expect(results).toEqual(cases.map(([label]) => ({ label, result: code(ERROR_INVALID_PARAMETER) })));

      const noInterface: AnycastRow = { address: '192.0.2.69', family: 'ipv4', interfaceLuid: 0n, interfaceIndex: 0, scopeId: 0 };
      expect(await m.backend.getAnycast(noInterface)).toEqual(code(ERROR_INVALID_PARAMETER));
      expect(await m.backend.deleteAnycast(noInterface)).toEqual(code(ERROR_INVALID_PARAMETER));
      expect(await m.entriesFor('192.0.2.69')).toEqual([]);
    });

    it.for([
      { family: 'ipv4', address: '192.0.2.70', other: 'ipv6' },
      { family: 'ipv6', address: '2001:db8::70', other: 'ipv4' },
    ] as const)('an interface without $family: ERROR_NOT_SUPPORTED for an $family address', async ({ family, address, other }, ctx) => {
      const m = await setUp(ctx);
      const iface = m.writable(`interface with ${other} but not ${family}`, (i) => !i[family] && i[other]);
      expect(await m.create(rowOn(iface, address))).toEqual(code(ERROR_NOT_SUPPORTED));
      expect(await m.entriesFor(address)).toEqual([]);
    });

    it('a machine without an IPv4 stack: no interface has IPv4, IPv4 writes are ERROR_NOT_SUPPORTED, IPv6 works', async (ctx) => {
      const m = await setUp(ctx, { ipv4Stack: false });
      expect(await m.backend.status()).toMatchObject({ ipv4Stack: false, ipv6Stack: true });
      expect(m.interfaces.filter((i) => i.ipv4)).toEqual([]);
      const iface = m.writable('interface with IPv6', (i) => i.ipv6);
      expect(await m.create(rowOn(iface, '192.0.2.71'))).toEqual(code(ERROR_NOT_SUPPORTED));
      expect(await m.create(rowOn(iface, '2001:db8::71'))).toMatchObject({ ok: true });
    });

    it('without administrator rights: writes are ERROR_ACCESS_DENIED, reads still work', async (ctx) => {
      const m = await setUp(ctx, { elevated: false });
      expect(await m.backend.status()).toMatchObject({ elevated: false });
      const iface = m.writable('interface with IPv4', (i) => i.ipv4);
      const before = unwrap(await m.backend.listAnycast(), 'listAnycast');

      expect(await m.create(rowOn(iface, '192.0.2.72'))).toEqual(code(ERROR_ACCESS_DENIED));
      expect(await m.backend.deleteAnycast(rowOn(iface, '192.0.2.72'))).toEqual(code(ERROR_ACCESS_DENIED));
      expect(await m.backend.getAnycast(rowOn(iface, '192.0.2.72'))).toEqual(code(ERROR_NOT_FOUND));
      expect(await m.backend.listAnycast()).toEqual({ ok: true, value: before });
    });

    it('one snapshot answers what status, listInterfaces and listAnycast answer one by one', async (ctx) => {
      const m = await setUp(ctx);
      const iface = m.writable('interface with IPv4', (i) => i.ipv4);
      unwrap(await m.create(rowOn(iface, '192.0.2.73')), 'create 192.0.2.73');
      const snapshot = m.backend.snapshot();
      const [status, interfaces, entries] = await Promise.all([snapshot.status, snapshot.interfaces, snapshot.entries]);
      expect(status).toEqual(await m.backend.status());
      expect(interfaces).toEqual(await m.backend.listInterfaces());
      expect(entries).toEqual(await m.backend.listAnycast());
      expect(unwrap(entries, 'snapshot entries').map((e) => e.address)).toContain('192.0.2.73');
    });

    it('a change to an interface is reported to each watcher once, until it stops watching', async (ctx) => {
      skipIfCannot(ctx, 'interfaceChange');
      const change = subject.changeInterface?.bind(subject);
      if (!change) throw new Error(`${subject.name} neither changes interfaces nor says why it cannot`);
      const m = await setUp(ctx);
      const iface = m.any('interface that is up', (i) => i.operStatus === 'up');
      const statusNow = async () => unwrap(await m.backend.listInterfaces(), 'listInterfaces').find((i) => i.luid === iface.luid)?.operStatus;
      const heard: string[] = [];
      const stopFirst = m.backend.watchInterfaces(() => heard.push('first'));
      const stopSecond = m.backend.watchInterfaces(() => heard.push('second'));

      change(m.backend, iface, 'down');
      // Never from inside the change: Windows reports it from another thread, later.
      expect(heard).toEqual([]);
      await vi.waitFor(() => expect(heard).toContain('second'), { timeout: 5_000 });
      expect(heard.sort()).toEqual(['first', 'second']);
      expect(await statusNow()).toBe('down');

      stopFirst();
      heard.length = 0;
      change(m.backend, iface, 'up');
      await vi.waitFor(() => expect(heard).toContain('second'), { timeout: 5_000 });
      expect(heard).not.toContain('first');
      expect(await statusNow()).toBe('up');
      stopSecond();
    });
  });
}

/** One test's machine: its backend, its interfaces, and the entries the test added. */
class Machine<B extends AnycastBackend> {
  private readonly added: AnycastEntry[] = [];

  constructor(
    private readonly subject: ConformanceSubject<B>,
    private readonly ctx: TestContext,
    readonly backend: B,
    readonly interfaces: NetworkInterface[],
  ) {}

  /** An interface the suite may add entries to. */
  writable(what: string, matches: (iface: NetworkInterface) => boolean): NetworkInterface {
    const allowed = this.subject.writable;
    return allowed ? this.pick(`writable ${what}`, (i) => allowed(i) && matches(i)) : this.pick(what, matches);
  }

  /** Any interface, for reads and for naming a wrong index. */
  any(what: string, matches: (iface: NetworkInterface) => boolean): NetworkInterface {
    return this.pick(what, matches);
  }

  /** The entry as read back after the create; a create whose read back failed fails the test. */
  async create(row: AnycastRow): Promise<Win32Result<AnycastEntry>> {
    const result = await this.backend.createAnycast(row);
    if (!result.ok) return result;
    if (result.value.readBack === 'failed') throw new Error(`${row.address} was created but not read back (Win32 code ${result.value.code})`);
    this.added.push(result.value.entry);
    return { ok: true, value: result.value.entry };
  }

  async entriesFor(address: string): Promise<AnycastEntry[]> {
    return unwrap(await this.backend.listAnycast(), 'listAnycast').filter((e) => e.address === address);
  }

  unusedIndex(): number {
    const used = new Set(this.interfaces.map((i) => i.index));
    let index = 0x7fff_0000;
    while (used.has(index)) index++;
    return index;
  }

  /** An Ethernet-type LUID with a NetLuidIndex no interface has. */
  unusedLuid(): bigint {
    const used = new Set(this.interfaces.map((i) => BigInt(i.luid)));
    let luid = (6n << 48n) | (0xff_fff0n << 24n);
    while (used.has(luid)) luid += 1n << 24n;
    return luid;
  }

  /** On a real machine the suite must leave nothing behind, whatever a test did. */
  async removeWhatWasAdded(): Promise<void> {
    for (const entry of this.added) {
      await this.backend.deleteAnycast({
        address: entry.address,
        family: entry.family,
        interfaceLuid: BigInt(entry.interfaceLuid),
        interfaceIndex: entry.interfaceIndex,
        scopeId: entry.scopeId,
      });
    }
  }

  private pick(what: string, matches: (iface: NetworkInterface) => boolean): NetworkInterface {
    const found = this.interfaces.find(matches);
    if (found) return found;
    if (this.subject.realMachine) skipBecause(this.ctx, this.subject, `this machine has no ${what}`);
    throw new Error(`${this.subject.name} lists no ${what}; the suite needs one`);
  }
}

function rowOn(iface: NetworkInterface, address: string): AnycastRow {
  return { address, family: familyOf(address), interfaceLuid: BigInt(iface.luid), interfaceIndex: iface.index, scopeId: 0 };
}

function rowByIndex(iface: NetworkInterface, address: string): AnycastRow {
  return { ...rowOn(iface, address), interfaceLuid: 0n };
}

function unwrap<T>(result: Win32Result<T>, what: string): T {
  if (!result.ok) throw new Error(`${what} failed with Win32 code ${result.code}`);
  return result.value;
}

function skipBecause(ctx: TestContext, subject: Pick<ConformanceSubject, 'name'>, reason: string): never {
  console.warn(`[skipped] ${subject.name}: ${ctx.task.name}: ${reason}`);
  return ctx.skip(reason);
}
