/**
 * "Check this computer": asks the backend what it can (exports, elevation, stacks, each
 * table read on its own and timed) and, on an interface the person names, adds, reads,
 * lists and removes a documentation address. The round trip goes through the service,
 * like any change from the window, so the audit log records its writes and a refusal
 * reads as it would there.
 */
import os from 'node:os';
import { win32Error } from '../../app/error-catalogue';
import { resolveInterface } from '../../app/interface-reference';
import type { AnycastKey, Method, Reply, Request, Result } from '../../app/ipc-contract';
import { interfaceLabel, type AppError, type NetworkInterface } from '../../app/model';
import {
  SELF_TEST_FORMAT,
  selfTestAddress,
  windowsBuild,
  type RoundTrip,
  type RoundTripStep,
  type SelfTestReport,
  type StepError,
  type TableRead,
} from '../../app/self-test';
import type { AnycastBackend, TableTiming } from '../backends/backend';
import { version } from '../../package.json';

/** The service as the self-test uses it: a typed request that never throws. */
export type ServiceCall = <M extends Method>(method: M, request: Request<M>) => Promise<Reply<M>>;

export interface SelfTestEnvironment {
  identity: { machine: string; user: string };
  /** The operating system as Node reports it; tests pass their own. */
  system?: { platform: string; release: string; version: string };
  now?: () => Date;
}

export async function runSelfTest(
  backend: AnycastBackend,
  call: ServiceCall,
  environment: SelfTestEnvironment,
  interfaceName?: string,
): Promise<SelfTestReport> {
  const system = environment.system ?? { platform: process.platform, release: os.release(), version: os.version() };
  const generatedAt = (environment.now?.() ?? new Date()).toISOString();
  const [status, tables] = await Promise.all([backend.status(), backend.timeTableReads()]);
  const describe = (code: number): StepError => fromAppError(win32Error(code, backend.systemMessage(code), { operation: 'self-test' }));
  return {
    format: SELF_TEST_FORMAT,
    appVersion: version,
    generatedAt,
    ...environment.identity,
    platform: system.platform,
    windows: system.platform === 'win32' ? { version: system.release, build: windowsBuild(system.release), edition: system.version } : null,
    backend: backend.kind,
    exports: [...backend.exports],
    elevated: status.elevated,
    stacks: { ipv4: status.ipv4Stack, ipv6: status.ipv6Stack },
    tables: tables.map((read) => tableRead(read, describe)),
    roundTrip: interfaceName === undefined ? null : await roundTrip(call, interfaceName),
  };
}

function tableRead({ table, result, ms }: TableTiming, describe: (code: number) => StepError): TableRead {
  if (!result.ok) return { table, ok: false, ms, error: describe(result.code) };
  return result.value === null ? { table, ok: true, ms } : { table, ok: true, ms, rows: result.value };
}

function fromAppError(error: AppError): StepError {
  return { code: error.code, symbol: error.symbol, message: `${error.what} (Windows says: ${error.systemMessage})` };
}

async function timedStep<T>(step: RoundTripStep['step'], run: () => Promise<Result<T>>) {
  const start = performance.now();
  const reply = await run();
  const ms = performance.now() - start;
  const result: RoundTripStep = reply.ok ? { step, ok: true, ms } : { step, ok: false, ms, error: fromAppError(reply.error) };
  // A change made but not on record is a success Windows-side and a problem for the ticket.
  if (reply.ok && reply.warning) result.note = reply.warning.what;
  return { result, reply };
}

async function roundTrip(call: ServiceCall, requested: string): Promise<RoundTrip> {
  const refused = (reason: string, iface?: NetworkInterface): RoundTrip => ({
    requested,
    ...(iface ? { interfaceLabel: interfaceLabel(iface) } : {}),
    refused: reason,
    steps: [],
    cleanup: 'not-needed',
  });
  const listed = await call('listInterfaces', {});
  if (!listed.ok) return refused(`the interfaces could not be listed: ${listed.error.what}`);
  const found = resolveInterface({ any: requested }, listed.value);
  if (!found.ok) return refused(found.reason);
  const iface = found.iface;
  const family = iface.ipv6 ? 'ipv6' : iface.ipv4 ? 'ipv4' : null;
  if (family === null) return refused('the interface carries neither IPv4 nor IPv6.', iface);
  const entries = await call('listAnycast', {});
  if (!entries.ok) return refused(`the anycast entries could not be listed: ${entries.error.what}`, iface);
  const address = selfTestAddress(family, new Set(entries.value.filter((e) => e.interfaceLuid === iface.luid).map((e) => e.address)));
  const key: AnycastKey = { address, interfaceLuid: iface.luid, interfaceIndex: iface.index };
  const steps: RoundTripStep[] = [];
  let created = false;
  let cleanup: RoundTrip['cleanup'] = 'not-needed';
  try {
    const create = await timedStep('create', () => call('createAnycast', key));
    steps.push(create.result);
    created = create.reply.ok;
    if (!created) return { requested, interfaceLabel: interfaceLabel(iface), address, steps, cleanup };
    steps.push((await timedStep('get', () => call('getAnycast', key))).result);
    const list = await timedStep('list', () => call('listAnycast', {}));
    if (list.reply.ok && !list.reply.value.some((e) => e.address === address && e.interfaceLuid === iface.luid)) {
      list.result.ok = false;
      list.result.note = 'the new entry was not in the list';
    }
    steps.push(list.result);
  } finally {
    // Whatever failed above, an entry this test added is removed before it reports.
    if (created) {
      const removed = await timedStep('delete', () => call('deleteAnycast', key));
      steps.push(removed.result);
      cleanup = removed.reply.ok ? 'removed' : 'left';
    }
  }
  return { requested, interfaceLabel: interfaceLabel(iface), address, steps, cleanup };
}
