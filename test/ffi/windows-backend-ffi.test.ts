/**
 * The Windows backend's koffi bindings over the C test library: what reaches the domain
 * objects from real struct memory, and the parts of the backend the conformance suite
 * does not see (status, system messages, FreeMibTable on every path, rows that carry
 * only one of LUID and index, missing anycast exports, closing), and how it calls: every
 * call on a worker thread with its out and in/out parameters back afterwards, three table
 * reads per refresh, GetIfTable2Ex where Windows takes it.
 */
import koffi from 'koffi';
import { makeLuid } from '../../main/backends/simulated/seed';
import type { AnycastBackend, AnycastRow } from '../../main/backends/backend';
import { MIB_ANYCASTIPADDRESS_ROW } from '../../main/backends/windows/iphlpapi-types';
import { AnycastEntry, NetworkInterface } from '../../app/model';
import {
  ERROR_INTERNAL_ERROR,
  ERROR_INVALID_PARAMETER,
  ERROR_NOT_FOUND,
  ERROR_PROC_NOT_FOUND,
} from '../../app/win32-errors';
import { createWindowsBackend } from '../../main/backends/windows/windows-backend';
import { backendOverFake, buildFakeLibrary, fakeControl, type FakeControl } from './fake-iphlpapi';
import { commandFor, findTool } from './native-build';

const cc = commandFor(findTool('cc', 'gcc'), 'Windows backend over the C test library');

const ETHERNET_LUID = makeLuid(6, 1);
const TEREDO_LUID = makeLuid(131, 1);

const row = (address: string, interfaceLuid: bigint, interfaceIndex = 0): AnycastRow => ({
  address,
  family: address.includes(':') ? 'ipv6' : 'ipv4',
  interfaceLuid,
  interfaceIndex,
  scopeId: 0,
});

describe.skipIf(cc === null)('Windows backend over the C test library', () => {
  let library: string;
  let fake: FakeControl;
  let backend: AnycastBackend;

  beforeAll(() => {
    library = buildFakeLibrary(cc!);
    fake = fakeControl(library);
  });
  beforeEach(() => {
    fake.reset();
    backend = backendOverFake(library);
  });
  afterEach(() => backend.close());

  it('decodes MIB_IF_ROW2 into interfaces: LUID as decimal text, UTF-16 names, MAC, status, stacks', async () => {
    const result = await backend.listInterfaces();
    if (!result.ok) throw new Error(`listInterfaces failed with ${result.code}`);
    const byAlias = new Map(result.value.map((i) => [i.alias, NetworkInterface.parse(i)]));

    expect(byAlias.get('Ethernet')).toEqual({
      luid: ETHERNET_LUID.toString(),
      index: 12,
      alias: 'Ethernet',
      description: 'Intel(R) Ethernet Connection (7) I219-LM',
      type: 6,
      operStatus: 'up',
      mac: '3C-52-82-4A-1B-7E',
      mtu: 1500,
      ipv4: true,
      ipv6: true,
    });
    // IfType 131 in the top bits puts the LUID past 2^53: koffi hands it over as a BigInt, exact.
    expect(TEREDO_LUID).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));
    expect(byAlias.get('Teredo Tunneling Pseudo-Interface')).toMatchObject({
      luid: TEREDO_LUID.toString(),
      mac: '',
      mtu: 1280,
      ipv4: false,
      ipv6: true,
    });
    expect(byAlias.get('Ethernet 2 (Büro)')).toMatchObject({ operStatus: 'down', index: 23 });
    expect(byAlias.get('Loopback Pseudo-Interface 1')).toMatchObject({ luid: makeLuid(24, 0).toString(), mtu: 4294967295, mac: '' });
    expect(byAlias.get('vEthernet (Lab)')).toMatchObject({ ipv4: true, ipv6: false });
    // The NDIS filter-driver view of the Ethernet adapter is not an interface a person picks.
    expect([...byAlias.keys()].some((alias) => alias.includes('Filter'))).toBe(false);
    expect(byAlias.size).toBe(6);
  });

  it('reports status: platform, elevation through the Administrators SID, API presence, stacks', async () => {
    expect(await backend.status()).toEqual({
      platform: process.platform,
      elevated: true,
      anycastApi: true,
      ipv4Stack: true,
      ipv6Stack: true,
    });
    fake.setElevated(false);
    fake.setIpv4Stack(false);
    const unelevated = backendOverFake(library);
    try {
      expect(await unelevated.status()).toMatchObject({ elevated: false, ipv4Stack: false, ipv6Stack: true });
    } finally {
      unelevated.close();
    }
    expect(fake.outstandingSids()).toBe(0);
  });

  it('asks for elevation once: a process keeps its token', async () => {
    expect(await backend.status()).toMatchObject({ elevated: true });
    fake.setElevated(false);
    expect(await backend.status()).toMatchObject({ elevated: true });
    expect(fake.outstandingSids()).toBe(0);
  });

  it('makes every table read and every create, get and delete on a worker thread: the event loop turns meanwhile', async () => {
    fake.setCallDelay(50);
    const key = row('192.0.2.47', ETHERNET_LUID);
    const snapshot = () => backend.snapshot();
    const calls: Array<[string, () => Promise<unknown>]> = [
      ['status', () => backend.status()],
      ['listInterfaces', () => backend.listInterfaces()],
      ['listAnycast', () => backend.listAnycast()],
      ['snapshot.status', () => snapshot().status],
      ['snapshot.interfaces', () => snapshot().interfaces],
      ['snapshot.entries', () => snapshot().entries],
      ['createAnycast', () => backend.createAnycast(key)],
      ['getAnycast', () => backend.getAnycast(key)],
      ['deleteAnycast', () => backend.deleteAnycast(key)],
    ];
    const firstToSettle: Record<string, string> = {};
    for (const [name, call] of calls) {
      // A call made on the main thread has settled before any timer can fire.
      const timer = new Promise<string>((resolve) => setTimeout(() => resolve('a timer'), 0));
      firstToSettle[name] = await Promise.race([call().then(() => 'the call'), timer]);
      await call();
    }
    expect(firstToSettle).toEqual(Object.fromEntries(calls.map(([name]) => [name, 'a timer'])));
  });

  it('brings out and in/out parameters back from the worker thread: table pointers, the row read back, converted ids', async () => {
    // Named by index only: the row read back (in/out) carries the LUID and the ScopeId Windows filled in.
    const created = await backend.createAnycast(row('fe80::48', 0n, 12));
    expect(created).toEqual({
      ok: true,
      value: {
        readBack: 'ok',
        entry: { address: 'fe80::48', family: 'ipv6', interfaceLuid: ETHERNET_LUID.toString(), interfaceIndex: 12, scopeId: 12 },
      },
    });
    // Rows with one half missing: ConvertInterface* (an out parameter each) fills in the other.
    fake.setSparseRows(true);
    const listed = await backend.listAnycast();
    expect(listed).toEqual({ ok: true, value: [{ address: 'fe80::48', family: 'ipv6', interfaceLuid: ETHERNET_LUID.toString(), interfaceIndex: 12, scopeId: 12 }] });
    expect(fake.outstandingTables()).toBe(0);
  });

  it('reads three tables for a refresh, and each table once', async () => {
    await backend.status();
    const before = fake.tableReads();
    const snapshot = backend.snapshot();
    const [status, interfaces, entries] = await Promise.all([snapshot.status, snapshot.interfaces, snapshot.entries]);
    expect(fake.tableReads() - before).toBe(3);
    expect([status.ipv4Stack, interfaces.ok, entries.ok]).toEqual([true, true, true]);
    expect(fake.outstandingTables()).toBe(0);
  });

  it('falls back to GetIfTable2 for good where GetIfTable2Ex refuses the level without statistics (before Windows 10 1703)', async () => {
    const withStatistics = await backend.listInterfaces();
    fake.setWithoutStatisticsLevel(false);
    const older = backendOverFake(library);
    try {
      let reads = fake.tableReads();
      expect(await older.listInterfaces()).toEqual(withStatistics);
      // The stack table, GetIfTable2Ex refused, then GetIfTable2.
      expect(fake.tableReads() - reads).toBe(3);
      reads = fake.tableReads();
      expect(await older.listInterfaces()).toEqual(withStatistics);
      expect(fake.tableReads() - reads).toBe(2);
    } finally {
      older.close();
    }
  });

  it('reports a create whose read back failed as done, with the code of the read', async () => {
    fake.failEntryRead(ERROR_NOT_FOUND);
    expect(await backend.createAnycast(row('192.0.2.49', ETHERNET_LUID))).toEqual({ ok: true, value: { readBack: 'failed', code: ERROR_NOT_FOUND } });
    const listed = await backend.listAnycast();
    expect(listed.ok && listed.value.map((e) => e.address)).toEqual(['192.0.2.49']);
  });

  it('lets a listing and a write run at once, as Windows does, each answering whole', async () => {
    fake.setCallDelay(30);
    const [created, listed] = await Promise.all([backend.createAnycast(row('192.0.2.50', ETHERNET_LUID)), backend.listInterfaces()]);
    expect(created.ok && created.value.readBack).toBe('ok');
    expect(listed.ok && listed.value).toHaveLength(6);
  });

  it('unloads the libraries only once the calls in flight have returned', async () => {
    fake.setCallDelay(100);
    const listing = backend.listAnycast();
    backend.close();
    expect(await listing).toEqual({ ok: true, value: [] });
  });

  it('gives the system text of a code without its CRLF, and "" when there is none', () => {
    expect(backend.systemMessage(5)).toBe('Access is denied.');
    expect(backend.systemMessage(ERROR_NOT_FOUND)).toBe('Element not found.');
    expect(backend.systemMessage(12345)).toBe('');
  });

  it('lists an empty anycast table (ERROR_NOT_FOUND from Windows) as no entries', async () => {
    expect(await backend.listAnycast()).toEqual({ ok: true, value: [] });
  });

  it('refuses text that is not an address of the row family before calling Windows', async () => {
    expect(await backend.createAnycast({ ...row('192.0.2.1', ETHERNET_LUID), address: 'not-an-address' })).toEqual({
      ok: false,
      code: ERROR_INVALID_PARAMETER,
    });
    expect(await backend.createAnycast({ ...row('2001:db8::1', ETHERNET_LUID), address: 'fe80::1%12' })).toEqual({
      ok: false,
      code: ERROR_INVALID_PARAMETER,
    });
  });

  it('passes a row with an unknown si_family through to the API, which refuses it', () => {
    const create = koffi
      .load(library)
      .func('__stdcall', 'CreateAnycastIpAddressEntry', 'uint32_t', [koffi.pointer(MIB_ANYCASTIPADDRESS_ROW)]);
    const bytes = new Uint8Array(28);
    bytes.set([99, 0, 0, 0, 192, 0, 2, 1]);
    expect(create({ Address: { bytes }, InterfaceLuid: ETHERNET_LUID, InterfaceIndex: 0, ScopeId: 0 })).toBe(ERROR_INVALID_PARAMETER);
  });

  it('fills in the index or the LUID when Windows returns a row with only one of them', async () => {
    const v4 = await backend.createAnycast(row('192.0.2.44', ETHERNET_LUID));
    const v6 = await backend.createAnycast(row('2001:db8::44', 0n, 12));
    expect(v4.ok && v6.ok).toBe(true);
    fake.setSparseRows(true);
    const expected = { interfaceLuid: ETHERNET_LUID.toString(), interfaceIndex: 12 };
    const listed = await backend.listAnycast();
    if (!listed.ok) throw new Error(`listAnycast failed with ${listed.code}`);
    expect(listed.value).toHaveLength(2);
    for (const entry of listed.value) expect(AnycastEntry.parse(entry)).toMatchObject(expected);
    expect(await backend.getAnycast(row('192.0.2.44', ETHERNET_LUID))).toMatchObject({ ok: true, value: expected });
    expect(await backend.getAnycast(row('2001:db8::44', ETHERNET_LUID))).toMatchObject({ ok: true, value: expected });
  });

  it('frees every table and SID over 5,000 calls, failing and throwing ones included', async () => {
    expect((await backend.createAnycast(row('192.0.2.45', ETHERNET_LUID))).ok).toBe(true);
    const tablesBefore = fake.outstandingTables();
    let failures = 0;
    let thrown = 0;
    for (let n = 0; n < 5000; n++) {
      // listInterfaces reads two tables at once (the stacks, the interfaces): fail either.
      if (n % 4 === 1) fake.failTableCall(n % 2, ERROR_INTERNAL_ERROR);
      // A row that does not decode makes the conversion throw while the table is still held.
      if (n % 10 === 3) fake.injectBadRow();
      const [interfaces, anycast] = [await backend.listInterfaces(), await backend.listAnycast().catch(() => null)];
      if (n % 50 === 0) await backend.status();
      if (!interfaces.ok) {
        expect(interfaces.code).toBe(ERROR_INTERNAL_ERROR);
        failures++;
      }
      if (anycast === null) thrown++;
      else if (!anycast.ok) failures++;
    }
    expect(failures).toBeGreaterThan(1000);
    expect(thrown).toBe(500);
    expect(fake.outstandingTables()).toBe(tablesBefore);
    expect(fake.outstandingTables()).toBe(0);
    expect(fake.outstandingSids()).toBe(0);
  });

  it('reads ERROR_NOT_FOUND from GetIpInterfaceTable as no interface carrying a stack, not a failed status', async () => {
    // status() reads the stack table alone, so the failure lands there.
    fake.failTableCall(0, ERROR_NOT_FOUND);
    expect(await backend.status()).toMatchObject({ ipv4Stack: false, ipv6Stack: false });
    expect(fake.outstandingTables()).toBe(0);
  });

  it('finds the stacks from unicast addresses where GetIpInterfaceTable is a stub (Wine 8)', async () => {
    const stacksOf = async () => {
      const result = await backend.listInterfaces();
      if (!result.ok) throw new Error(`listInterfaces failed with ${result.code}`);
      return Object.fromEntries(result.value.map((i) => [i.alias, { ipv4: i.ipv4, ipv6: i.ipv6 }]));
    };
    const fromIpInterfaces = await stacksOf();
    fake.setIpInterfaceTableStub(true);
    expect(await stacksOf()).toEqual(fromIpInterfaces);
    expect(fromIpInterfaces['Teredo Tunneling Pseudo-Interface']).toEqual({ ipv4: false, ipv6: true });
    expect(fromIpInterfaces['vEthernet (Lab)']).toEqual({ ipv4: true, ipv6: false });
    expect(await backend.status()).toMatchObject({ ipv4Stack: true, ipv6Stack: true });

    // Without an IPv4 stack the unicast table has no IPv4 row, so no interface and not the machine has IPv4.
    fake.setIpv4Stack(false);
    const withoutIpv4 = await stacksOf();
    expect(Object.values(withoutIpv4).filter((stacks) => stacks.ipv4)).toEqual([]);
    expect(withoutIpv4['Ethernet']).toEqual({ ipv4: false, ipv6: true });
    expect(await backend.status()).toMatchObject({ ipv4Stack: false, ipv6Stack: true });
    expect(fake.outstandingTables()).toBe(0);
  });

  it('passes on a failing unicast table call and frees every table, where GetIpInterfaceTable is a stub', async () => {
    fake.setIpInterfaceTableStub(true);
    // Three table calls: the interfaces (stub) then the unicast addresses, beside the interface table.
    const results = [];
    for (let after = 0; after < 3; after++) {
      fake.failTableCall(after, ERROR_INTERNAL_ERROR);
      results.push(await backend.listInterfaces());
    }
    expect(results).toEqual(Array(3).fill({ ok: false, code: ERROR_INTERNAL_ERROR }));
    expect(fake.outstandingTables()).toBe(0);
  });

  it('throws instead of calling into unloaded libraries once closed', async () => {
    backend.close();
    await expect(backend.listInterfaces()).rejects.toThrow(/closed/);
    expect(() => backend.close()).not.toThrow();
  });
});

describe.skipIf(cc === null)('Windows backend where iphlpapi lacks the anycast functions (as on Wine)', () => {
  let backend: AnycastBackend;

  beforeAll(() => {
    const library = buildFakeLibrary(cc!, 'no-anycast-exports');
    fakeControl(library).reset();
    backend = backendOverFake(library);
  });
  afterAll(() => backend.close());

  it('loads, says the API is missing, and still lists interfaces', async () => {
    expect(await backend.status()).toMatchObject({ anycastApi: false, elevated: true, ipv4Stack: true, ipv6Stack: true });
    const interfaces = await backend.listInterfaces();
    expect(interfaces.ok && interfaces.value.map((i) => i.alias)).toContain('Ethernet');
    expect(await backend.listAnycast()).toEqual({ ok: true, value: [] });
  });

  it('answers create, get and delete with ERROR_PROC_NOT_FOUND instead of throwing', async () => {
    const missing = { ok: false, code: ERROR_PROC_NOT_FOUND };
    expect(await backend.createAnycast(row('192.0.2.46', ETHERNET_LUID))).toEqual(missing);
    expect(await backend.getAnycast(row('192.0.2.46', ETHERNET_LUID))).toEqual(missing);
    expect(await backend.deleteAnycast(row('192.0.2.46', ETHERNET_LUID))).toEqual(missing);
    expect(backend.systemMessage(ERROR_PROC_NOT_FOUND)).toBe('The specified procedure could not be found.');
  });
});

describe.skipIf(cc === null)('Windows backend where iphlpapi lacks GetIfTable2Ex', () => {
  it('lists the interfaces with GetIfTable2, as with it', async () => {
    const full = backendOverFake(buildFakeLibrary(cc!));
    const library = buildFakeLibrary(cc!, 'no-if-table2-ex');
    const fake = fakeControl(library);
    fake.reset();
    const older = backendOverFake(library);
    try {
      const reads = fake.tableReads();
      const listed = await older.listInterfaces();
      expect(fake.tableReads() - reads).toBe(2);
      expect(listed).toEqual(await full.listInterfaces());
    } finally {
      older.close();
      full.close();
    }
  });
});

describe.skipIf(cc === null)('Windows backend that cannot start', () => {
  it('names the library that would not load', () => {
    const missing = '/nonexistent/iphlpapi.dll';
    expect(() => createWindowsBackend({ iphlpapi: missing, kernel32: missing, advapi32: missing })).toThrow(
      expect.objectContaining({ name: 'BackendLoadError', failure: 'library', subject: missing }),
    );
  });

  it('names the function a library lacks', () => {
    const library = buildFakeLibrary(cc!);
    // libc stands in for a kernel32 without FormatMessageW.
    const libc = 'libc.so.6';
    expect(() => createWindowsBackend({ iphlpapi: library, kernel32: libc, advapi32: library })).toThrow(
      expect.objectContaining({ name: 'BackendLoadError', failure: 'export', subject: `${libc}!FormatMessageW` }),
    );
  });
});
