/**
 * Property-based fuzzing of the real IPC handlers (registerIpcHandlers behind a
 * fake ipcMain, called as the trusted app window): every malformed payload gets a
 * typed error, never reaches the backend, throws nothing and pollutes nothing.
 */
import fc from 'fast-check';
import { validateAnycastAddress } from '../../app/address-validation';
import { channelOf, methods } from '../../app/ipc-channels';
import { replySchema, type Method } from '../../app/ipc-contract';
import { AppError } from '../../app/model';
import { ERROR_INTERNAL_ERROR, ERROR_INVALID_PARAMETER } from '../../app/win32-errors';
import type { AnycastRow } from '../../main/backends/backend';
import { SimulatedBackend } from '../../main/backends/simulated/simulated-backend';
import { AnycastService } from '../../main/service/anycast-service';
import { invokeEvent, mockElectron, type ElectronFake, type FakeWindow } from './electron-fake';
import { malformedKey, malformedNoArguments, validKey } from './malformed';
import { testServiceOptions } from '../support/service-options';

const RUNS_PER_CHANNEL = 10_000;
/** Built once: zod schemas are costly to construct inside a 60,000-run loop. */
const REPLY_SCHEMAS = Object.fromEntries(methods.map((m) => [m, replySchema(m)])) as { [M in Method]: ReturnType<typeof replySchema<M>> };
const EXACT_APP_ERROR = AppError.strict();
const KEY_METHODS = ['getAnycast', 'createAnycast', 'deleteAnycast'] as const satisfies readonly Method[];

/** The simulated computer, recording every call that reaches it. */
class WatchedBackend extends SimulatedBackend {
  readonly calls: { method: string; row?: AnycastRow }[] = [];

  override async status() {
    this.calls.push({ method: 'status' });
    return super.status();
  }
  override async listInterfaces() {
    this.calls.push({ method: 'listInterfaces' });
    return super.listInterfaces();
  }
  override async listAnycast() {
    this.calls.push({ method: 'listAnycast' });
    return super.listAnycast();
  }
  override async getAnycast(row: AnycastRow) {
    this.calls.push({ method: 'getAnycast', row });
    return super.getAnycast(row);
  }
  override async createAnycast(row: AnycastRow) {
    this.calls.push({ method: 'createAnycast', row });
    return super.createAnycast(row);
  }
  override async deleteAnycast(row: AnycastRow) {
    this.calls.push({ method: 'deleteAnycast', row });
    return super.deleteAnycast(row);
  }
}

/** What a row must look like by the time it reaches Windows; empty when it does. */
function rowProblems(row: AnycastRow): string[] {
  const check = validateAnycastAddress(row.address);
  const problems: [boolean, string][] = [
    [check.ok && check.address === row.address && check.family === row.family, 'address is not a canonical unicast address of its family'],
    [typeof row.interfaceLuid === 'bigint' && row.interfaceLuid >= 0n && row.interfaceLuid < 2n ** 64n, 'LUID is not a u64'],
    [Number.isInteger(row.interfaceIndex) && row.interfaceIndex >= 0 && row.interfaceIndex <= 0xffff_ffff, 'index is not a u32'],
    [row.interfaceLuid !== 0n || row.interfaceIndex !== 0, 'no interface named'],
    [row.scopeId === 0, 'scope id set by the caller'],
  ];
  return problems.filter(([ok]) => !ok).map(([, problem]) => problem);
}

let electron: ElectronFake;
let window: FakeWindow;
let backend: WatchedBackend;
const faults: unknown[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const prototypeKeys = () => [Object.prototype, Array.prototype, Function.prototype].map((p) => Object.getOwnPropertyNames(p).sort());
const keysBefore = prototypeKeys();
const timings: Record<string, number> = {};

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  electron = mockElectron();
  const { registerIpcHandlers } = await import('../../main/electron/ipc-handlers');
  window = new electron.BrowserWindow({});
  backend = new WatchedBackend();
  const logFault = (_method: string, fault: unknown) => faults.push(fault);
  registerIpcHandlers(new AnycastService(backend, testServiceOptions({ simulatedReason: 'demo-flag', logFault })), () => window as never, logFault);
});

afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
  console.info('IPC fuzz timings (ms):', timings, 'service faults caught by the barrier:', faults.length);
});

async function invoke(method: Method, payload: unknown): Promise<unknown> {
  const handler = electron.ipcHandlers.get(channelOf(method));
  return handler?.(invokeEvent(window.webContents), payload);
}

/** A reply that can cross IPC: { ok: false, error } with exactly the AppError fields. */
function expectTypedError(method: Method, reply: unknown, faultsBefore: number): void {
  expect(REPLY_SCHEMAS[method].safeParse(reply).success).toBe(true);
  const { ok, error } = reply as { ok: boolean; error: unknown };
  expect(ok).toBe(false);
  expect(Object.keys(reply as object).sort()).toEqual(['error', 'ok']);
  const parsed = EXACT_APP_ERROR.parse(error);
  // A refusal is ERROR_INVALID_PARAMETER; an internal error is only allowed for a fault that was logged.
  if (parsed.code === ERROR_INTERNAL_ERROR) expect(faults.length).toBeGreaterThan(faultsBefore);
  else expect(parsed.code).toBe(ERROR_INVALID_PARAMETER);
  expect(structuredClone(reply)).toEqual(reply);
}

describe.each(methods)('the %s channel', (method) => {
  it(`answers ${RUNS_PER_CHANNEL} malformed payloads with typed errors and never calls the backend`, async () => {
    const started = performance.now();
    const payloads = (KEY_METHODS as readonly Method[]).includes(method) ? malformedKey : malformedNoArguments;
    const callsBefore = backend.calls.length;
    await fc.assert(
      fc.asyncProperty(payloads, async (payload) => {
        const faultsBefore = faults.length;
        expectTypedError(method, await invoke(method, payload), faultsBefore);
      }),
      { numRuns: RUNS_PER_CHANNEL },
    );
    expect(backend.calls.slice(callsBefore)).toEqual([]);
    timings[method] = Math.round(performance.now() - started);
  });
});

describe.each(KEY_METHODS)('the %s channel with valid and malformed keys mixed', (method) => {
  it('only ever hands the backend rows that pass validation', async () => {
    const callsBefore = backend.calls.length;
    await fc.assert(
      fc.asyncProperty(fc.oneof(validKey, malformedKey), async (payload) => {
        expect(REPLY_SCHEMAS[method].safeParse(await invoke(method, payload)).success).toBe(true);
      }),
      { numRuns: 2_000 },
    );
    const calls = backend.calls.slice(callsBefore);
    expect(calls.length).toBeGreaterThan(0);
    for (const { row } of calls.filter((c) => c.row)) expect(rowProblems(row!)).toEqual([]);
  });
});

describe('after the fuzzing', () => {
  it('saw no unhandled rejection and no prototype pollution', () => {
    expect(unhandled).toEqual([]);
    expect(prototypeKeys()).toEqual(keysBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('the row check refuses what it must', () => {
    const good: AnycastRow = { address: '192.0.2.10', family: 'ipv4', interfaceLuid: 1n, interfaceIndex: 0, scopeId: 0 };
    expect(rowProblems(good)).toEqual([]);
    expect(rowProblems({ ...good, address: '224.0.0.1' })).not.toEqual([]);
    expect(rowProblems({ ...good, family: 'ipv6' })).not.toEqual([]);
    expect(rowProblems({ ...good, interfaceLuid: 0n })).not.toEqual([]);
    expect(rowProblems({ ...good, interfaceLuid: 2n ** 64n })).not.toEqual([]);
  });
});
