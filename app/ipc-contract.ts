/**
 * The IPC contract: the only thing main, preload and renderer share about their
 * conversation. Each method names its channel, its request schema and its reply
 * value schema; every type on both sides is inferred from here. The channel names are in
 * ipc-channels.ts, so the preload need not bundle these schemas.
 */
import { z } from 'zod';
import { AnycastEntry, AppError, InterfaceIndex, LuidString, NetworkInterface, SystemStatus, type Operation } from './model';
import { AuditLogPage, AuditPageRequest } from './audit';
import { SavedSet, SavedEntry, SAVED_SET_MAX } from './saved-set';
import { MAX_ADDRESS_LENGTH } from './address-validation';

const NoArguments = z.object({}).strict();

/** Identifies one anycast row: address plus interface (LUID first, index only when the LUID is "0"). */
export const AnycastKey = z
  .object({
    address: z.string().max(MAX_ADDRESS_LENGTH),
    interfaceLuid: LuidString,
    interfaceIndex: InterfaceIndex,
  })
  .strict();

/** A value or the error that took its place: the shape of every reply, and of each part of a snapshot. */
const resultOf = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value, warning: AppError.optional() }),
    z.object({ ok: z.literal(false), error: AppError }),
  ]);

/**
 * What one refresh shows, read in one request: the status, and the interfaces and entries
 * each as its own result, so a failed anycast list does not hide the interfaces.
 */
export const Snapshot = z.object({
  status: SystemStatus,
  interfaces: resultOf(z.array(NetworkInterface)),
  entries: resultOf(z.array(AnycastEntry)),
});

/**
 * A create Windows accepted, with the address as added. `entry` is the row read back as
 * Windows stores it (ScopeId filled in); when that read failed, the row still exists and
 * `error` says why it could not be read.
 */
export const CreatedEntry = z.discriminatedUnion('readBack', [
  z.object({ readBack: z.literal('ok'), address: z.string(), entry: AnycastEntry }),
  z.object({ readBack: z.literal('failed'), address: z.string(), error: AppError }),
]);

const method = <Req extends z.ZodType, Rep extends z.ZodType>(operation: Operation, request: Req, reply: Rep) => ({
  operation,
  request,
  reply,
});

export const contract = {
  getStatus: method('status', NoArguments, SystemStatus),
  /** getStatus, listInterfaces and listAnycast in one request, from one reading of each table. */
  getSnapshot: method('status', NoArguments, Snapshot),
  listInterfaces: method('list-interfaces', NoArguments, z.array(NetworkInterface)),
  listAnycast: method('list-anycast', NoArguments, z.array(AnycastEntry)),
  getAnycast: method('get', AnycastKey, AnycastEntry),
  createAnycast: method('create', AnycastKey, CreatedEntry),
  deleteAnycast: method('delete', AnycastKey, z.null()),
  /** A page of audit records, newest first: the newest page, or the one older than a cursor. */
  readAuditLog: method('read-audit', AuditPageRequest, AuditLogPage),
  /** The set of entries the technician saved for re-applying after a restart. */
  getSavedSet: method('saved-set', NoArguments, SavedSet),
  saveSavedSet: method('saved-set', z.object({ entries: z.array(SavedEntry).max(SAVED_SET_MAX) }).strict(), SavedSet),
};

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Request<M extends Method> = z.input<Contract[M]['request']>;
export type ReplyValue<M extends Method> = z.infer<Contract[M]['reply']>;
export type AnycastKey = z.infer<typeof AnycastKey>;
export type Snapshot = z.infer<typeof Snapshot>;
export type CreatedEntry = z.infer<typeof CreatedEntry>;

/**
 * A `warning` on success says the request was carried out and something about it needs the
 * person's attention (the change was made but could not be recorded, say).
 */
export type Result<T> = { ok: true; value: T; warning?: AppError } | { ok: false; error: AppError };
export type Reply<M extends Method> = Result<ReplyValue<M>>;

/** Writes change the machine or the app's files; the service runs them one at a time. */
export const writeMethods: ReadonlySet<Method> = new Set<Method>(['createAnycast', 'deleteAnycast', 'saveSavedSet']);

/** Narrow an untrusted name to a method without consulting the prototype chain. */
export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

export type RequestApi = { [M in Method]: (request: Request<M>) => Promise<Reply<M>> };

/**
 * The typed object the preload exposes and the renderer calls. Nothing else crosses.
 * Besides requests there is one event: interfaces changed (the anycast table has no
 * change notification of its own, so the renderer also polls).
 */
export type AnycastApi = RequestApi & {
  /** Returns the function that stops listening. */
  onInterfacesChanged(listener: () => void): () => void;
};

/** Schema for a whole reply, so a client can check what it received. */
export function replySchema<M extends Method>(method: M) {
  return resultOf(contract[method].reply);
}
