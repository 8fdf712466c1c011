/**
 * The fault log: what went wrong where no one was looking (a start-up failure, a fault
 * behind an IPC reply, a native call slower than it should be), in a file a technician
 * can attach to a ticket. electron-log writes it and rotates it: past MAX_BYTES the file
 * becomes <name>.old.log and a new one starts. It is electron-log's Node logger, so the
 * browser preview uses it as the Electron main process does; the service and backends
 * get only the functions below.
 */
import log from 'electron-log/node';
import { join } from 'node:path';

export const FAULT_LOG_FILE = 'anycast-manager.log';
/** Two files of this size at most: months of faults, and small enough to attach. */
const MAX_BYTES = 1024 * 1024;

export interface FaultLog {
  /** Where the current file is, for a dialog or a ticket. */
  readonly path: string;
  error(message: string, fault?: unknown): void;
  warn(message: string): void;
  /** What a later reader needs to make sense of the faults: the start-up line. */
  info(message: string): void;
}

let opened = 0;

/** The log at <dataDir>/logs/anycast-manager.log; `toConsole` also prints each line (the preview, a development run). */
export function openFaultLog(dataDir: string, { toConsole }: { toConsole: boolean }): FaultLog {
  const path = join(dataDir, 'logs', FAULT_LOG_FILE);
  // Each log its own instance: electron-log keeps instances by id, process-wide.
  const logger = log.create({ logId: `anycast-manager-faults-${++opened}` });
  logger.transports.file.resolvePathFn = () => path;
  logger.transports.file.maxSize = MAX_BYTES;
  // Written before the call returns: a start-up failure exits right after its line.
  logger.transports.file.sync = true;
  logger.transports.console.level = toConsole ? 'warn' : false;
  return {
    path,
    error: (message, fault) => (fault === undefined ? logger.error(message) : logger.error(message, fault)),
    warn: (message) => logger.warn(message),
    info: (message) => logger.info(message),
  };
}

/** The service's and the IPC handlers' fault reporter, over the log. */
export function faultReporter(faults: FaultLog): (method: string, fault: unknown) => void {
  return (method, fault) => faults.error(`${method} failed`, fault);
}

/** The backend's slow-call reporter, over the log. */
export function slowCallReporter(faults: FaultLog): (name: string, ms: number) => void {
  return (name, ms) => faults.warn(`${name} took ${Math.round(ms)} ms`);
}
