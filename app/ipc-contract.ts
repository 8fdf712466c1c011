/**
 * The IPC contract: the only thing main, preload and renderer share about their
 * conversation. Each method names its channel, its request schema and its reply
 * value schema; every type on both sides is inferred from here.
 */
import { z } from 'zod';
import { AnycastEntry, AppError, InterfaceIndex, LuidString, NetworkInterface, SystemStatus } from './model';
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

export const contract = {
  getStatus: { request: NoArguments, reply: SystemStatus },
  listInterfaces: { request: NoArguments, reply: z.array(NetworkInterface) },
  listAnycast: { request: NoArguments, reply: z.array(AnycastEntry) },
  getAnycast: { request: AnycastKey, reply: AnycastEntry },
  createAnycast: { request: AnycastKey, reply: AnycastEntry },
  deleteAnycast: { request: AnycastKey, reply: z.null() },
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Request<M extends Method> = z.input<Contract[M]['request']>;
export type ReplyValue<M extends Method> = z.infer<Contract[M]['reply']>;
export type AnycastKey = z.infer<typeof AnycastKey>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };
export type Reply<M extends Method> = Result<ReplyValue<M>>;

export const methods = Object.keys(contract) as Method[];

/** Writes change the machine; the service runs them one at a time. */
export const writeMethods: ReadonlySet<Method> = new Set<Method>(['createAnycast', 'deleteAnycast']);

export const CHANNEL_PREFIX = 'anycast-manager:';

export function channelOf(method: Method): string {
  return CHANNEL_PREFIX + method;
}

/** Narrow an untrusted name to a method without consulting the prototype chain. */
export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** The typed object the preload exposes and the renderer calls. Nothing else crosses. */
export type AnycastApi = { [M in Method]: (request: Request<M>) => Promise<Reply<M>> };

/** Schema for a whole reply, so a client can check what it received. */
export function replySchema<M extends Method>(method: M) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value: contract[method].reply }),
    z.object({ ok: z.literal(false), error: AppError }),
  ]);
}

/** The global name the preload uses for the API. */
export const API_GLOBAL = 'anycastManager';
