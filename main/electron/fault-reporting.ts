/**
 * No silent fault in the Electron main process: a start-up failure ends in a native error
 * dialog and a log line, native crashes leave a local crash report that the next start
 * mentions, and rejected promises nobody handled reach the log.
 */
import { crashReporter, dialog, type BrowserWindow } from 'electron';
import { takeNewCrashDumps } from '../diagnostics/crash-dumps';
import type { FaultLog } from '../diagnostics/fault-log';
import { crashNotice, startupFailureNotice, type StartupStage } from './fault-notices';

/** Before anything else can crash. Reports stay in the crash dumps folder: nothing is uploaded. */
export function startCrashReporter(): void {
  crashReporter.start({ uploadToServer: false });
}

export function logUnhandledRejections(faults: FaultLog): void {
  process.on('unhandledRejection', (reason) => faults.error('Unhandled promise rejection', reason));
}

/** Logs the failure and says in a dialog what happened, what to do and where the log is. */
export function showStartupFailure(faults: FaultLog, fault: unknown, stage: StartupStage): void {
  faults.error(`Anycast Manager could not start (${stage})`, fault);
  const notice = startupFailureNotice(fault, stage, faults.path);
  dialog.showErrorBox(notice.title, notice.content);
}

/** After a native crash, says once that the app closed unexpectedly and where the report is. */
export async function reportLastCrash(window: BrowserWindow, dumpsDir: string, reportedFile: string, faults: FaultLog): Promise<void> {
  let dumps: string[];
  try {
    dumps = await takeNewCrashDumps(dumpsDir, reportedFile);
  } catch (fault) {
    faults.error(`Could not look for crash reports in ${dumpsDir}`, fault);
    return;
  }
  if (dumps.length === 0) return;
  faults.warn(`The last run closed unexpectedly; crash report(s): ${dumps.join(', ')}`);
  const notice = crashNotice(dumps);
  await dialog.showMessageBox(window, { type: 'warning', title: notice.title, message: notice.message, detail: notice.detail });
}
