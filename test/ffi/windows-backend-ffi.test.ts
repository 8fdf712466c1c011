/**
 * The Windows backend's koffi bindings over the C test library: what reaches the domain
 * objects from real struct memory, and the parts of the backend the conformance suite
 * does not see (status, system messages, FreeMibTable on every path, rows that carry
 * only one of LUID and index, missing anycast exports, closing).
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
    expect(await backend.status()).toMatchObject({ elevated: false, ipv4Stack: false, ipv6Stack: true });
    expect(fake.outstandingSids()).toBe(0);
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
      // listInterfaces asks for three tables (IPv4, IPv6 interfaces, then GetIfTable2): fail each in turn.
      if (n % 4 === 1) fake.failTableCall(n % 3, ERROR_INTERNAL_ERROR);
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

  it('reads ERROR_NOT_FOUND from GetIpInterfaceTable as a stack no interface carries, not a failed list', async () => {
    fake.failTableCall(0, ERROR_NOT_FOUND);
    const result = await backend.listInterfaces();
    if (!result.ok) throw new Error(`listInterfaces failed with ${result.code}`);
    expect(result.value.length).toBeGreaterThan(0);
    expect(result.value.filter((i) => i.ipv4)).toEqual([]);
    expect(result.value.some((i) => i.ipv6)).toBe(true);
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
    // Five table calls: IPv4 interfaces (stub), IPv4 addresses, IPv6 interfaces (stub), IPv6 addresses, GetIfTable2.
    const results = [];
    for (let after = 0; after < 5; after++) {
      fake.failTableCall(after, ERROR_INTERNAL_ERROR);
      results.push(await backend.listInterfaces());
    }
    expect(results).toEqual(Array(5).fill({ ok: false, code: ERROR_INTERNAL_ERROR }));
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
