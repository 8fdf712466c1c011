/**
 * How the processes reach each other, without the schemas: the preload bundles this file
 * and nothing of the contract but its types, so it carries no zod. The method names are
 * listed here once more, and the compiler checks them against the contract's.
 */
import type { Contract, Method, Reply, Request, RequestApi } from './ipc-contract';

export const methods = [
  'getStatus',
  'getSnapshot',
  'listInterfaces',
  'listAnycast',
  'getAnycast',
  'createAnycast',
  'deleteAnycast',
  'readAuditLog',
  'getSavedSet',
  'saveSavedSet',
] as const satisfies readonly Method[];

/** Fails to compile when the contract gains a method this list lacks. */
type Missing = Exclude<keyof Contract, (typeof methods)[number]>;
const _everyMethodListed: [Missing] extends [never] ? true : Missing = true;

export const CHANNEL_PREFIX = 'anycast-manager:';

export function channelOf(method: Method): string {
  return CHANNEL_PREFIX + method;
}

/** Main to renderer: the interfaces changed (NotifyIpInterfaceChange, or the simulated equivalent). */
export const INTERFACES_CHANGED_CHANNEL = 'anycast-manager:event:interfacesChanged';

/** The global name the preload uses for the API. */
export const API_GLOBAL = 'anycastManager';

/** How one transport sends any method: IPC in the preload, HTTP in the preview, a guard around either. */
export type MethodCall = <M extends Method>(method: M, request: Request<M>) => Promise<Reply<M>>;

/** The typed object with one function per method, each sent through `call`. */
export function requestApiOf(call: MethodCall): RequestApi {
  // One cast for every transport: Object.fromEntries cannot say which key holds which function.
  return Object.fromEntries(methods.map((method) => [method, (request: Request<typeof method>) => call(method, request)])) as RequestApi;
}
