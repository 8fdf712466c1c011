/**
 * The service between IPC and a backend. Every request is checked against the
 * contract's schema, then against the domain rules, and only then reaches the
 * backend; writes run one at a time. It never throws: every outcome is a Reply.
 */
import type { z } from 'zod';
import { validateAnycastAddress } from '../../app/address-validation';
import type { AuditPageRequest } from '../../app/audit';
import { invalidRequestError, win32Error, type ErrorContext } from '../../app/error-catalogue';
import {
  contract,
  isMethod,
  writeMethods,
  type AnycastKey,
  type Contract,
  type CreatedEntry,
  type Method,
  type Reply,
  type Request,
  type Result,
} from '../../app/ipc-contract';
import { interfaceLabel, type AppError, type NetworkInterface, type Operation, type SystemStatus } from '../../app/model';
import type { SavedEntry } from '../../app/saved-set';
import { ERROR_INTERNAL_ERROR } from '../../app/win32-errors';
import { ok, type AnycastBackend, type AnycastRow, type BackendStatus, type Win32Result } from '../backends/backend';
import { SymbolicLinkRefused } from '../storage/no-follow';
import type { AppFiles } from './app-files';
import { ChangeAudit } from './change-audit';
import { WriteQueue } from './write-queue';

/** An alias renamed in Windows shows in audit lines within this time. */
const LABELS_MAX_AGE_MS = 5_000;

export interface ServiceOptions {
  simulatedReason: SystemStatus['simulatedReason'];
  /** Who is making changes where, for the audit trail and ticket details. */
  identity: { machine: string; user: string };
  files: AppFiles;
  /** Where unexpected faults are reported; they never reach the renderer as exceptions. */
  logFault?: (method: string, fault: unknown) => void;
  now?: () => Date;
}

/** A request as its schema let it through: the only form a handler ever sees. */
type Checked<M extends Method> = z.output<Contract[M]['request']>;
type Handlers = { [M in Method]: (request: Checked<M>) => Promise<Reply<M>> };

/**
 * The contract seen per method, so indexing it with a generic method keeps that method's
 * request type; the compiler checks the contract against it, entry by entry.
 */
const REQUESTS: { [M in Method]: { request: z.ZodType<Checked<M>> } } = contract;

export class AnycastService {
  private readonly writes = new WriteQueue();
  private labels: NetworkInterface[] = [];
  private labelsReadAt = 0;
  private readonly handlers: Handlers;
  private readonly changes: ChangeAudit;

  constructor(
    private readonly backend: AnycastBackend,
    private readonly options: ServiceOptions,
  ) {
    const { files, identity, logFault } = options;
    this.changes = new ChangeAudit({ audit: files.audit, identity, backend: backend.kind, now: () => this.now(), logFault });
    this.handlers = {
      getStatus: async () => ({ ok: true, value: this.withIdentity(await this.backend.status()) }),
      getSnapshot: () => this.snapshot(),
      listInterfaces: async () => this.reply(await this.backend.listInterfaces(), { operation: 'list-interfaces' }),
      listAnycast: async () => this.reply(await this.backend.listAnycast(), { operation: 'list-anycast' }),
      getAnycast: (key: AnycastKey) => this.withRow(key, 'get', (row) => this.backend.getAnycast(row)),
      createAnycast: (key: AnycastKey) => this.withRow(key, 'create', (row) => this.create(key, row)),
      deleteAnycast: (key: AnycastKey) => this.withRow(key, 'delete', (row) => this.backend.deleteAnycast(row)),
      readAuditLog: (request: AuditPageRequest) => this.readAudit(request),
      getSavedSet: () => this.refusingLinks('saved-set', async () => ({ ok: true, value: await this.options.files.savedSet.load() })),
      saveSavedSet: async ({ entries }: { entries: SavedEntry[] }) => this.saveSet(entries),
    };
  }

  /**
   * Entry point for IPC and the preview: `method` and `payload` are untrusted, and the
   * payload is checked against the method's schema whatever its static type says.
   */
  handle<M extends Method>(method: M, payload: Request<M>): Promise<Reply<M>>;
  handle(method: unknown, payload: unknown): Promise<Result<unknown>>;
  async handle(method: unknown, payload: unknown): Promise<Result<unknown>> {
    if (!isMethod(method)) {
      return this.refuse('This request is not one the app knows.', { operation: 'status' });
    }
    return this.checkThenDispatch(method, payload);
  }

  private async checkThenDispatch<M extends Method>(method: M, payload: unknown): Promise<Reply<M>> {
    const operation = contract[method].operation;
    const parsed = REQUESTS[method].request.safeParse(payload);
    if (!parsed.success) {
      return this.refuse(`The request did not have the expected form (${describeIssue(parsed.error.issues[0])}).`, { operation });
    }
    const run = () => this.dispatch(method, parsed.data);
    try {
      return await (writeMethods.has(method) ? this.writes.run(run) : run());
    } catch (fault) {
      this.options.logFault?.(method, fault);
      return { ok: false, error: win32Error(ERROR_INTERNAL_ERROR, '', { operation }) };
    }
  }

  /** After the trust boundary: a checked request, routed by type to its handler. */
  private dispatch<M extends Method>(method: M, request: Checked<M>): Promise<Reply<M>> {
    const handler: Handlers[M] = this.handlers[method];
    return handler(request);
  }

  private withIdentity(status: BackendStatus): SystemStatus {
    return {
      ...status,
      ...this.options.identity,
      backend: this.backend.kind,
      simulatedReason: this.options.simulatedReason,
      records: this.options.files.folder,
    };
  }

  /** One refresh: the backend reads each table once for all three parts. */
  private async snapshot(): Promise<Reply<'getSnapshot'>> {
    const parts = this.backend.snapshot();
    const [status, interfaces, entries] = await Promise.all([
      parts.status,
      this.settle('getSnapshot.interfaces', parts.interfaces, { operation: 'list-interfaces' }),
      this.settle('getSnapshot.entries', parts.entries, { operation: 'list-anycast' }),
    ]);
    return { ok: true, value: { status: this.withIdentity(status), interfaces, entries } };
  }

  /** A snapshot part as a Result; one that throws is logged and becomes an internal error, leaving the other parts. */
  private async settle<T>(what: string, part: Promise<Win32Result<T>>, context: ErrorContext): Promise<Result<T>> {
    try {
      return this.reply(await part, context);
    } catch (fault) {
      this.options.logFault?.(what, fault);
      return { ok: false, error: win32Error(ERROR_INTERNAL_ERROR, '', context) };
    }
  }

  /**
   * A create Windows accepted is done, even when reading the row back failed: the row exists,
   * so the reply says so, with why it could not be read, rather than reporting a failure.
   */
  private async create(key: AnycastKey, row: AnycastRow): Promise<Win32Result<CreatedEntry>> {
    const created = await this.backend.createAnycast(row);
    if (!created.ok) return created;
    const { value } = created;
    if (value.readBack === 'ok') return ok({ readBack: 'ok', address: value.entry.address, entry: value.entry });
    const context: ErrorContext = { operation: 'get', address: row.address, interfaceLabel: await this.labelFor(key) };
    return ok({ readBack: 'failed', address: row.address, error: win32Error(value.code, this.backend.systemMessage(value.code), context) });
  }

  /** Interface changes, pushed to the renderer; returns the function that stops them. */
  onInterfacesChanged(listener: () => void): () => void {
    return this.backend.watchInterfaces(listener);
  }

  /** Saved entries are checked like any create, so a set never holds what Windows would refuse. */
  private async saveSet(entries: SavedEntry[]): Promise<Reply<'saveSavedSet'>> {
    for (const entry of entries) {
      const check = validateAnycastAddress(entry.address);
      if (!check.ok || check.family !== entry.family) {
        return this.refuse(`The saved set has an invalid address, ${entry.address}.`, { operation: 'saved-set', address: entry.address });
      }
    }
    return { ok: true, value: await this.options.files.savedSet.save(entries, this.now()) };
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
    const audited = operation === 'create' || operation === 'delete' ? await this.changes.begin(operation, row, await this.labelFor(key)) : undefined;
    if (audited && !audited.ok) return audited;
    const result = await call(row);
    const warning = audited && this.changes.finish(audited.change, result);
    if (result.ok) return warning ? { ...result, warning } : result;
    const label = audited?.change.context.interfaceLabel ?? (await this.labelFor(key));
    return this.reply(result, { operation, address: check.address, interfaceLabel: label });
  }

  private readAudit(request: AuditPageRequest): Promise<Reply<'readAuditLog'>> {
    return this.refusingLinks('read-audit', async () => {
      const page = await this.options.files.audit.read(request);
      if (!page.ok) return this.refuse(page.reason, { operation: 'read-audit' });
      const { ok: _ok, ...value } = page;
      return { ok: true, value: { ...value, path: this.options.files.audit.path } };
    });
  }

  /** A link planted in the records folder is the person's to remove: say which, rather than an internal error. */
  private async refusingLinks<T>(operation: Operation, read: () => Promise<Result<T>>): Promise<Result<T>> {
    try {
      return await read();
    } catch (fault) {
      if (!(fault instanceof SymbolicLinkRefused)) throw fault;
      this.options.logFault?.(operation, fault);
      return this.refuse(fault.message, { operation });
    }
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
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
    const luidGiven = key.interfaceLuid !== '0';
    const matches = (i: NetworkInterface) => (luidGiven ? i.luid === key.interfaceLuid : i.index === key.interfaceIndex);
    const fresh = Date.now() - this.labelsReadAt < LABELS_MAX_AGE_MS;
    const iface = (fresh ? this.labels.find(matches) : undefined) ?? (await this.refreshLabels()).find(matches);
    if (iface) return interfaceLabel(iface);
    return luidGiven ? `interface with LUID ${key.interfaceLuid}` : `interface index ${key.interfaceIndex}`;
  }

  /**
   * Every write names its interface in the audit line; listing all interfaces for each
   * one cost most of a write's time (the benchmark showed 4 ms of 5). The list is kept
   * and re-read when an interface is missing from it or it is older than LABELS_MAX_AGE_MS.
   */
  private async refreshLabels(): Promise<NetworkInterface[]> {
    const list = await this.backend.listInterfaces();
    this.labels = list.ok ? list.value : [];
    this.labelsReadAt = Date.now();
    return this.labels;
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
