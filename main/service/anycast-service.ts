/**
 * The service between IPC and a backend. Every request is checked against the
 * contract's schema, then against the domain rules, and only then reaches the
 * backend; writes run one at a time. It never throws: every outcome is a Reply.
 */
import { validateAnycastAddress } from '../../app/address-validation';
import { invalidRequestError, win32Error, type ErrorContext } from '../../app/error-catalogue';
import { contract, isMethod, writeMethods, type AnycastKey, type Method, type Reply, type Result } from '../../app/ipc-contract';
import { interfaceLabel, type AppError, type Operation, type SystemStatus } from '../../app/model';
import { ERROR_INTERNAL_ERROR } from '../../app/win32-errors';
import type { AnycastBackend, AnycastRow, Win32Result } from '../backends/backend';
import { WriteQueue } from './write-queue';

export interface ServiceOptions {
  simulatedReason: SystemStatus['simulatedReason'];
  /** Where unexpected faults are reported; they never reach the renderer as exceptions. */
  logFault?: (method: string, fault: unknown) => void;
}

const OPERATIONS: Record<Method, Operation> = {
  getStatus: 'status',
  listInterfaces: 'list-interfaces',
  listAnycast: 'list-anycast',
  getAnycast: 'get',
  createAnycast: 'create',
  deleteAnycast: 'delete',
};

type Handlers = { [M in Method]: (request: never) => Promise<Reply<M>> };

export class AnycastService {
  private readonly writes = new WriteQueue();
  private readonly handlers: Handlers;

  constructor(
    private readonly backend: AnycastBackend,
    private readonly options: ServiceOptions,
  ) {
    this.handlers = {
      getStatus: () => this.status(),
      listInterfaces: async () => this.reply(await this.backend.listInterfaces(), { operation: 'list-interfaces' }),
      listAnycast: async () => this.reply(await this.backend.listAnycast(), { operation: 'list-anycast' }),
      getAnycast: (key: AnycastKey) => this.withRow(key, 'get', (row) => this.backend.getAnycast(row)),
      createAnycast: (key: AnycastKey) => this.withRow(key, 'create', (row) => this.backend.createAnycast(row)),
      deleteAnycast: (key: AnycastKey) => this.withRow(key, 'delete', (row) => this.backend.deleteAnycast(row)),
    };
  }

  /** Entry point for IPC and the preview: `method` and `payload` are untrusted. */
  async handle(method: unknown, payload: unknown): Promise<Result<unknown>> {
    if (!isMethod(method)) {
      return this.refuse('This request is not one the app knows.', { operation: 'status' });
    }
    const operation = OPERATIONS[method];
    const parsed = contract[method].request.safeParse(payload);
    if (!parsed.success) {
      return this.refuse(`The request did not have the expected form (${describeIssue(parsed.error.issues[0])}).`, { operation });
    }
    const run = (): Promise<Result<unknown>> => this.handlers[method](parsed.data as never);
    try {
      return await (writeMethods.has(method) ? this.writes.run(run) : run());
    } catch (fault) {
      this.options.logFault?.(method, fault);
      return { ok: false, error: win32Error(ERROR_INTERNAL_ERROR, '', { operation }) };
    }
  }

  private async status(): Promise<Reply<'getStatus'>> {
    const status = await this.backend.status();
    return { ok: true, value: { ...status, backend: this.backend.kind, simulatedReason: this.options.simulatedReason } };
  }

  /** Domain checks the schema cannot express, then the backend call, then the error words. */
  private async withRow<T>(
    key: AnycastKey,
    operation: Operation,
    call: (row: AnycastRow) => Promise<Win32Result<T>>,
  ): Promise<Result<T>> {
    const check = validateAnycastAddress(key.address);
    if (!check.ok) return this.refuse(check.reason, { operation, address: key.address.trim() });
    if (key.interfaceLuid === '0' && key.interfaceIndex === 0) {
      return this.refuse('No interface was chosen. Choose the interface that should receive the address.', {
        operation,
        address: check.address,
      });
    }
    const row: AnycastRow = {
      address: check.address,
      family: check.family,
      interfaceLuid: BigInt(key.interfaceLuid),
      interfaceIndex: key.interfaceIndex,
      scopeId: 0,
    };
    const result = await call(row);
    if (result.ok) return result;
    return this.reply(result, { operation, address: check.address, interfaceLabel: await this.labelFor(key) });
  }

  private reply<T>(result: Win32Result<T>, context: ErrorContext): Result<T> {
    if (result.ok) return result;
    return { ok: false, error: win32Error(result.code, this.backend.systemMessage(result.code), context) };
  }

  private refuse(reason: string, context: ErrorContext): { ok: false; error: AppError } {
    return { ok: false, error: invalidRequestError(reason, this.backend.systemMessage(87), context) };
  }

  /** Names the interface in an error the way the person picked it, with the same LUID-then-index rule. */
  private async labelFor(key: AnycastKey): Promise<string> {
    const list = await this.backend.listInterfaces();
    const luidGiven = key.interfaceLuid !== '0';
    const iface = list.ok
      ? list.value.find((i) => (luidGiven ? i.luid === key.interfaceLuid : i.index === key.interfaceIndex))
      : undefined;
    if (iface) return interfaceLabel(iface);
    return luidGiven ? `interface with LUID ${key.interfaceLuid}` : `interface index ${key.interfaceIndex}`;
  }
}

function describeIssue(issue: { path: PropertyKey[]; message: string } | undefined): string {
  if (!issue) return 'unknown problem';
  const where = issue.path.length ? issue.path.map(String).join('.') : 'request';
  return clip(`${where}: ${issue.message}`, 200);
}

/** Issue texts can quote attacker-sized keys; a reply stays readable and small. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
