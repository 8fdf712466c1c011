import { methods } from '../../app/ipc-channels';
import { contract, type Method } from '../../app/ipc-contract';
import { ERROR_INTERNAL_ERROR, ERROR_NOT_FOUND } from '../../app/win32-errors';
import { ok, type AnycastBackend } from '../../main/backends/backend';
import { SimulatedBackend } from '../../main/backends/simulated/simulated-backend';
import { AnycastService } from '../../main/service/anycast-service';
import { backendOverFake, buildFakeLibrary, fakeControl } from '../ffi/fake-iphlpapi';
import { commandFor, findTool } from '../ffi/native-build';
import { testServiceOptions } from '../support/service-options';

const ETHERNET = { luid: '1688849877041152', index: 12 };
const TEREDO = { luid: '36873221965873152', index: 14 };

function serviceOver(backend: AnycastBackend = new SimulatedBackend({ seedEntries: false })) {
  return new AnycastService(backend, testServiceOptions({ simulatedReason: 'not-windows' }));
}

/** A backend whose every method fails the test if called: proves the service stopped a request first. */
function untouchableBackend(): AnycastBackend {
  const real = new SimulatedBackend();
  const refuse = () => {
    throw new Error('the backend must not be called for an invalid request');
  };
  return {
    kind: 'simulated',
    status: refuse,
    snapshot: refuse,
    listInterfaces: () => real.listInterfaces(),
    listAnycast: refuse,
    getAnycast: refuse,
    createAnycast: refuse,
    deleteAnycast: refuse,
    systemMessage: (code) => real.systemMessage(code),
    watchInterfaces: refuse,
    close: () => undefined,
  };
}

const badPayloads: Record<Method, unknown[]> = {
  getStatus: [undefined, null, 'status', { extra: 1 }, []],
  getSnapshot: [undefined, null, { parts: ['status'] }, []],
  listInterfaces: [undefined, 42, { all: true }],
  listAnycast: [null, { interfaceLuid: '1' }, [1]],
  getAnycast: [undefined, {}, { address: '192.0.2.1' }, { address: 1, interfaceLuid: '1', interfaceIndex: 1 }],
  createAnycast: [
    null,
    { address: '192.0.2.1', interfaceLuid: 12, interfaceIndex: 12 },
    { address: '192.0.2.1', interfaceLuid: '-1', interfaceIndex: 12 },
    { address: '192.0.2.1', interfaceLuid: '18446744073709551616', interfaceIndex: 12 },
    { address: '192.0.2.1', interfaceLuid: '1', interfaceIndex: 1.5 },
    { address: '192.0.2.1', interfaceLuid: '1', interfaceIndex: Number.NaN },
    { address: 'x'.repeat(10_000), interfaceLuid: '1', interfaceIndex: 1 },
    { address: '192.0.2.1', interfaceLuid: '1', interfaceIndex: 1, __proto__: { admin: true }, extra: true },
  ],
  deleteAnycast: [undefined, { address: '192.0.2.1', interfaceLuid: '1' }, 'delete everything'],
  readAuditLog: [
    undefined,
    {},
    { limit: 0 },
    { limit: 10_001 },
    { limit: '5' },
    { limit: 1.5 },
    { limit: 5, before: { file: '../audit.jsonl', offset: 0 } },
    { limit: 5, before: { file: '12', offset: -1 } },
    { limit: 5, before: { file: '12', offset: 0, path: '/etc/passwd' } },
  ],
  getSavedSet: [null, { entries: [] }],
  saveSavedSet: [
    undefined,
    { entries: 'all' },
    { entries: [{ address: '192.0.2.1' }] },
    { entries: [{ address: '192.0.2.1', family: 'ipv5', interfaceLuid: '1', interfaceIndex: 1, interfaceAlias: 'x' }] },
    { entries: Array.from({ length: 10_001 }, () => ({ address: '192.0.2.1', family: 'ipv4', interfaceLuid: '1', interfaceIndex: 1, interfaceAlias: 'x' })) },
  ],
};

describe('the service checks every payload against the contract', () => {
  it.each(methods)('%s refuses malformed payloads with a typed error and never calls the backend', async (method) => {
    const service = serviceOver(untouchableBackend());
    for (const payload of badPayloads[method]) {
      const reply = await service.handle(method, payload);
      expect(reply.ok, JSON.stringify(payload)?.slice(0, 80)).toBe(false);
      if (!reply.ok) expect(reply.error).toMatchObject({ code: 87, symbol: 'ERROR_INVALID_PARAMETER' });
    }
  });

  it.each([undefined, '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'deleteEverything'])(
    'refuses the unknown method %s',
    async (method) => {
      const reply = await serviceOver(untouchableBackend()).handle(method, {});
      expect(reply).toMatchObject({ ok: false, error: { code: 87, what: 'This request is not one the app knows.' } });
    },
  );

  it('applies the address rules after the schema and explains the refusal', async () => {
    const reply = await serviceOver(untouchableBackend()).handle('createAnycast', { address: '224.0.0.1', ...luidOf(ETHERNET) });
    expect(reply).toMatchObject({ ok: false, error: { code: 87, operation: 'create', address: '224.0.0.1' } });
    if (!reply.ok) expect(reply.error.what).toMatch(/multicast/);
  });

  it('refuses a row that names no interface before Windows sees it', async () => {
    const reply = await serviceOver(untouchableBackend()).handle('createAnycast', { address: '192.0.2.1', interfaceLuid: '0', interfaceIndex: 0 });
    expect(reply).toMatchObject({ ok: false, error: { code: 87 } });
    if (!reply.ok) expect(reply.error.what).toMatch(/No interface was chosen/);
  });
});

describe('the service carries out requests through the backend', () => {
  it('creates, lists, gets and deletes an entry with the canonical address', async () => {
    const service = serviceOver();
    const created = await service.handle('createAnycast', { address: ' 2001:DB8::0:53 ', ...luidOf(ETHERNET) });
    expect(created).toEqual({
      ok: true,
      value: {
        readBack: 'ok',
        address: '2001:db8::53',
        entry: { address: '2001:db8::53', family: 'ipv6', interfaceLuid: ETHERNET.luid, interfaceIndex: 12, scopeId: 0 },
      },
    });
    expect(await service.handle('listAnycast', {})).toMatchObject({ ok: true, value: [{ address: '2001:db8::53' }] });
    expect(await service.handle('getAnycast', { address: '2001:db8::53', ...luidOf(ETHERNET) })).toMatchObject({ ok: true });
    expect(await service.handle('deleteAnycast', { address: '2001:db8::53', ...luidOf(ETHERNET) })).toEqual({ ok: true, value: null });
    expect(await service.handle('listAnycast', {})).toEqual({ ok: true, value: [] });
  });

  it('answers a refresh with status, interfaces and entries in one reply the contract accepts', async () => {
    const service = serviceOver();
    await service.handle('createAnycast', { address: '192.0.2.54', ...luidOf(ETHERNET) });
    const reply = await service.handle('getSnapshot', {});
    const status = await service.handle('getStatus', {});
    expect(contract.getSnapshot.reply.parse(reply.ok && reply.value)).toEqual({
      status: status.ok && status.value,
      interfaces: await service.handle('listInterfaces', {}),
      entries: await service.handle('listAnycast', {}),
    });
  });

  it('keeps the interfaces of a refresh whose anycast part threw, and logs the fault', async () => {
    const backend = new SimulatedBackend();
    backend.listAnycast = () => Promise.reject(new Error('a row did not decode'));
    const faults: string[] = [];
    const service = new AnycastService(backend, testServiceOptions({ logFault: (method) => faults.push(method) }));
    const reply = await service.handle('getSnapshot', {});
    expect(reply).toMatchObject({
      ok: true,
      value: { interfaces: { ok: true }, entries: { ok: false, error: { code: ERROR_INTERNAL_ERROR, operation: 'list-anycast' } } },
    });
    expect(faults).toEqual(['getSnapshot.entries']);
  });

  it('reports a create whose read back failed as done, with the reason it could not be read', async () => {
    const backend = new SimulatedBackend({ seedEntries: false });
    const create = backend.createAnycast.bind(backend);
    backend.createAnycast = async (row) => {
      const created = await create(row);
      return created.ok ? ok({ readBack: 'failed' as const, code: ERROR_NOT_FOUND }) : created;
    };
    const service = serviceOver(backend);
    const reply = await service.handle('createAnycast', { address: '192.0.2.55', ...luidOf(ETHERNET) });
    expect(contract.createAnycast.reply.parse(reply.ok && reply.value)).toMatchObject({
      readBack: 'failed',
      address: '192.0.2.55',
      error: { code: ERROR_NOT_FOUND, symbol: 'ERROR_NOT_FOUND', operation: 'get', address: '192.0.2.55', interfaceLabel: 'Ethernet (index 12)' },
    });
    const audit = await service.handle('readAuditLog', { limit: 5 });
    expect(audit).toMatchObject({ ok: true, value: { records: [{ operation: 'create', address: '192.0.2.55', result: 'NO_ERROR' }] } });
  });

  it('turns a Windows code into the catalogue error, naming the interface as the person knows it', async () => {
    const reply = await serviceOver().handle('createAnycast', { address: '192.0.2.1', ...luidOf(TEREDO) });
    expect(reply).toMatchObject({
      ok: false,
      error: {
        code: 50,
        symbol: 'ERROR_NOT_SUPPORTED',
        systemMessage: 'The request is not supported.',
        title: 'This interface cannot take that kind of address',
        address: '192.0.2.1',
        interfaceLabel: 'Teredo Tunneling Pseudo-Interface (index 14)',
        operation: 'create',
      },
    });
  });

  it('reports ERROR_ACCESS_DENIED with advice when not elevated', async () => {
    const service = serviceOver(new SimulatedBackend({ elevated: false }));
    const reply = await service.handle('createAnycast', { address: '192.0.2.1', ...luidOf(ETHERNET) });
    expect(reply).toMatchObject({ ok: false, error: { code: 5, symbol: 'ERROR_ACCESS_DENIED' } });
    expect(await service.handle('getStatus', {})).toMatchObject({ ok: true, value: { elevated: false, backend: 'simulated', simulatedReason: 'not-windows' } });
  });

  it('gives exactly one success for concurrent duplicate creates', async () => {
    const service = serviceOver();
    const replies = await Promise.all(
      Array.from({ length: 25 }, () => service.handle('createAnycast', { address: '198.51.100.9', ...luidOf(ETHERNET) })),
    );
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    const failures = replies.filter((r) => !r.ok);
    expect(failures).toHaveLength(24);
    for (const failure of failures) expect(failure).toMatchObject({ error: { code: 5010 } });
  });

  it('keeps serving after a backend fault and reports it as an internal error', async () => {
    const backend = new SimulatedBackend();
    backend.createAnycast = () => Promise.reject(new Error('native call crashed'));
    const faults: string[] = [];
    const service = new AnycastService(backend, testServiceOptions({ simulatedReason: null, logFault: (method) => faults.push(method) }));
    const reply = await service.handle('createAnycast', { address: '192.0.2.1', ...luidOf(ETHERNET) });
    expect(reply).toMatchObject({ ok: false, error: { code: 1359, symbol: 'ERROR_INTERNAL_ERROR' } });
    expect(faults).toEqual(['createAnycast']);
    expect(await service.handle('listInterfaces', {})).toMatchObject({ ok: true });
  });

  it('runs writes one at a time even when one of them fails', async () => {
    const backend = new SimulatedBackend({ seedEntries: false });
    let running = 0;
    let overlap = false;
    const original = backend.createAnycast.bind(backend);
    backend.createAnycast = async (row) => {
      running += 1;
      overlap ||= running > 1;
      await new Promise((r) => setTimeout(r, 2));
      running -= 1;
      if (row.address === '192.0.2.2') throw new Error('boom');
      return original(row);
    };
    const service = serviceOver(backend);
    await Promise.all(['192.0.2.1', '192.0.2.2', '192.0.2.3'].map((address) => service.handle('createAnycast', { address, ...luidOf(ETHERNET) })));
    expect(overlap).toBe(false);
    expect(await service.handle('listAnycast', {})).toMatchObject({ ok: true, value: [{ address: '192.0.2.1' }, { address: '192.0.2.3' }] });
  });
});

describe('the audit trail', () => {
  it('records every change attempt, successful or not, newest first', async () => {
    const service = serviceOver();
    await service.handle('createAnycast', { address: '192.0.2.7', ...luidOf(ETHERNET) });
    await service.handle('createAnycast', { address: '192.0.2.7', ...luidOf(ETHERNET) });
    await service.handle('deleteAnycast', { address: '192.0.2.7', ...luidOf(ETHERNET) });
    await service.handle('listAnycast', {});
    const reply = await service.handle('readAuditLog', { limit: 100 });
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    const page = reply.value as { records: Array<Record<string, unknown>>; older: unknown; path: string };
    expect(page.records).toHaveLength(3);
    expect(page.older).toBeNull();
    expect(page.path).toMatch(/audit\.jsonl$/);
    expect(page.records.map((r) => [r.operation, r.resultCode, r.result])).toEqual([
      ['delete', 0, 'NO_ERROR'],
      ['create', 5010, 'ERROR_OBJECT_ALREADY_EXISTS'],
      ['create', 0, 'NO_ERROR'],
    ]);
    expect(page.records[0]).toMatchObject({
      machine: 'TEST-PC',
      user: 'technician',
      address: '192.0.2.7',
      interfaceLabel: 'Ethernet (index 12)',
      interfaceLuid: ETHERNET.luid,
    });
  });

  it('records a refusal from Windows such as access denied', async () => {
    const service = serviceOver(new SimulatedBackend({ elevated: false }));
    await service.handle('createAnycast', { address: '192.0.2.8', ...luidOf(ETHERNET) });
    const reply = await service.handle('readAuditLog', { limit: 1 });
    expect(reply).toMatchObject({ ok: true, value: { records: [{ operation: 'create', resultCode: 5, result: 'ERROR_ACCESS_DENIED' }] } });
  });
});

describe('the saved set', () => {
  const entry = { address: '192.0.2.53', family: 'ipv4', interfaceLuid: ETHERNET.luid, interfaceIndex: 12, interfaceAlias: 'Ethernet' };

  it('starts empty, then keeps what was saved', async () => {
    const service = serviceOver();
    expect(await service.handle('getSavedSet', {})).toEqual({ ok: true, value: { entries: [], savedAt: null } });
    expect(await service.handle('saveSavedSet', { entries: [entry] })).toMatchObject({ ok: true, value: { entries: [entry] } });
    expect(await service.handle('getSavedSet', {})).toMatchObject({ ok: true, value: { entries: [entry], savedAt: expect.any(String) } });
  });

  it('refuses an entry Windows would refuse', async () => {
    const reply = await serviceOver().handle('saveSavedSet', { entries: [{ ...entry, address: '224.0.0.1' }] });
    expect(reply).toMatchObject({ ok: false, error: { code: 87, operation: 'saved-set' } });
  });
});

function luidOf(iface: { luid: string; index: number }) {
  return { interfaceLuid: iface.luid, interfaceIndex: iface.index };
}

const cc = commandFor(findTool('cc', 'gcc'), 'The service over a slow C test library');

describe.skipIf(cc === null)('the service over a Windows backend whose calls are slow', () => {
  it('answers the audit log and the saved set while a listing waits 300 ms on the C library', async () => {
    const library = buildFakeLibrary(cc!);
    const fake = fakeControl(library);
    fake.reset();
    const backend = backendOverFake(library);
    try {
      const service = new AnycastService(backend, testServiceOptions({ simulatedReason: null }));
      fake.setCallDelay(300);
      const settled: string[] = [];
      const request = (method: Method, payload: unknown) =>
        service.handle(method, payload).then((reply) => {
          settled.push(method);
          return reply;
        });
      const replies = await Promise.all([
        request('listAnycast', {}),
        request('readAuditLog', { limit: 10 }),
        request('getSavedSet', {}),
      ]);
      expect(replies.map((reply) => reply.ok)).toEqual([true, true, true]);
      // Made first, answered last: the listing waited on a worker thread, not on the one that answers requests.
      expect(settled).toHaveLength(3);
      expect(settled.at(-1)).toBe('listAnycast');
    } finally {
      fake.setCallDelay(0);
      backend.close();
    }
  });
});
