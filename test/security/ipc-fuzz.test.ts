/**
 * Property-based fuzzing of the real IPC handlers (registerIpcHandlers behind a
 * fake ipcMain, called as the trusted app window): every payload the contract's
 * schema refuses gets ERROR_INVALID_PARAMETER and never reaches the backend; one it
 * accepts reaches the backend only as a validated row; nothing faults, throws or
 * pollutes.
 */
import fc from 'fast-check';
import { validateAnycastAddress } from '../../app/address-validation';
import { channelOf, methods } from '../../app/ipc-channels';
import { AnycastKey, replySchema, type Method } from '../../app/ipc-contract';
import { AppError } from '../../app/model';
import { ERROR_INVALID_PARAMETER } from '../../app/win32-errors';
import type { AnycastRow } from '../../main/backends/backend';
import { SimulatedBackend } from '../../main/backends/simulated/simulated-backend';
import { AnycastService } from '../../main/service/anycast-service';
import { invokeEvent, mockElectron, type ElectronFake, type FakeWindow } from './electron-fake';
import { anyKeyPayload, malformedKey, malformedNoArguments } from './malformed';
import { testServiceOptions } from '../support/service-options';

const RUNS_PER_CHANNEL = 10_000;
/**
 * A bound against a hang, not a time limit: a key channel's 10,000 runs took 14 s on an
 * idle machine and 71 s with other builds sharing its two cores, past Vitest's 60 s.
 */
const FUZZ_TIMEOUT_MS = 10 * 60_000;
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
  console.info('IPC fuzz timings (ms):', timings);
});

async function invoke(method: Method, payload: unknown): Promise<unknown> {
  const handler = electron.ipcHandlers.get(channelOf(method));
  return handler?.(invokeEvent(window.webContents), payload);
}

/**
 * A refusal that can cross IPC: { ok: false, error } with exactly the AppError fields and
 * ERROR_INVALID_PARAMETER. No fault: a schema or rule that throws on bad input is a bug.
 */
function expectRefusal(method: Method, reply: unknown, faultsBefore: number): void {
  expect(faults.slice(faultsBefore)).toEqual([]);
  expect(REPLY_SCHEMAS[method].safeParse(reply).success).toBe(true);
  const { ok, error } = reply as { ok: boolean; error: unknown };
  expect(ok).toBe(false);
  expect(Object.keys(reply as object).sort()).toEqual(['error', 'ok']);
  expect(EXACT_APP_ERROR.parse(error).code).toBe(ERROR_INVALID_PARAMETER);
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
        expectRefusal(method, await invoke(method, payload), faultsBefore);
      }),
      { numRuns: RUNS_PER_CHANNEL },
    );
    expect(backend.calls.slice(callsBefore)).toEqual([]);
    timings[method] = Math.round(performance.now() - started);
  }, FUZZ_TIMEOUT_MS);
});

describe.each(KEY_METHODS)('the %s channel with any key payload, valid or not', (method) => {
  it('refuses what the schema refuses without a backend call, and hands the backend only the validated row', async () => {
    let reachedBackend = 0;
    await fc.assert(
      fc.asyncProperty(anyKeyPayload, async (payload) => {
        const callsBefore = backend.calls.length;
        const faultsBefore = faults.length;
        const reply = await invoke(method, payload);
        const rows = backend.calls.slice(callsBefore).flatMap((c) => (c.row ? [c.row] : []));
        const key = AnycastKey.safeParse(payload);
        if (!key.success) {
          expectRefusal(method, reply, faultsBefore);
          expect(backend.calls.slice(callsBefore)).toEqual([]);
          return;
        }
        expect(faults.slice(faultsBefore)).toEqual([]);
        expect(REPLY_SCHEMAS[method].safeParse(reply).success).toBe(true);
        // The schema cannot tell a bad address or a missing interface: then a refusal, or the row as validated.
        if (rows.length === 0) expectRefusal(method, reply, faultsBefore);
        else reachedBackend++;
        for (const row of rows) {
          expect(rowProblems(row)).toEqual([]);
          expect(validateAnycastAddress(key.data.address)).toMatchObject({ ok: true, address: row.address });
          expect([row.interfaceLuid, row.interfaceIndex]).toEqual([BigInt(key.data.interfaceLuid), key.data.interfaceIndex]);
        }
      }),
      { numRuns: 3_000 },
    );
    expect(reachedBackend).toBeGreaterThan(0);
  }, FUZZ_TIMEOUT_MS);
});

describe('after the fuzzing', () => {
  it('saw no fault, no unhandled rejection and no prototype pollution', () => {
    expect(faults).toEqual([]);
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
