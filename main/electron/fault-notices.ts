/**
 * The words of the native dialogs about faults: a start-up that failed, and a native crash
 * the last time the app ran. Each says what happened, what to do, and where the record is.
 */
import { win32 } from 'node:path';
import { BackendLoadError } from '../backends/backend-load-error';

/** Where the start stopped: loading the window's page, or anywhere before (a backend that cannot load says so itself). */
export type StartupStage = 'start' | 'window';

export interface StartupFailureNotice {
  title: string;
  content: string;
}

const ASK_SUPPORT = 'If it keeps happening, send the log to whoever supports this computer.';

export function startupFailureNotice(fault: unknown, stage: StartupStage, logPath: string): StartupFailureNotice {
  const { what, todo } = explain(fault, stage);
  return { title: 'Anycast Manager could not start', content: `${what}\n\n${todo}\n\nDetails are in the log:\n${logPath}` };
}

function explain(fault: unknown, stage: StartupStage): { what: string; todo: string } {
  const reason = fault instanceof Error ? fault.message : String(fault);
  if (fault instanceof BackendLoadError) {
    if (fault.failure === 'ffi') {
      return {
        what: `The component Anycast Manager uses to call Windows (koffi) could not be loaded: ${reason}`,
        todo: `Reinstall Anycast Manager. ${ASK_SUPPORT}`,
      };
    }
    if (fault.failure === 'library') {
      return {
        what: `Windows' ${win32.basename(fault.subject)} could not be loaded from ${fault.subject}.`,
        todo: `Check that the Windows system files are intact (run "sfc /scannow" from an elevated prompt), then start Anycast Manager again. ${ASK_SUPPORT}`,
      };
    }
    const at = fault.subject.lastIndexOf('!');
    return {
      what: `${win32.basename(fault.subject.slice(0, at))} has no function ${fault.subject.slice(at + 1)}, which Anycast Manager needs.`,
      todo: 'Anycast Manager needs Windows 10 or later. Update Windows, or use "netsh interface ipv4 add address ... type=anycast" meanwhile.',
    };
  }
  if (stage === 'window') {
    return {
      what: `The Anycast Manager window could not load its page: ${reason}`,
      todo: `Reinstall Anycast Manager: its files may be damaged, or blocked by security software. ${ASK_SUPPORT}`,
    };
  }
  return { what: `An unexpected error stopped Anycast Manager from starting: ${reason}`, todo: `Start Anycast Manager again. ${ASK_SUPPORT}` };
}

export interface CrashNotice {
  title: string;
  message: string;
  detail: string;
}

export function crashNotice(dumps: readonly string[]): CrashNotice {
  const saved = dumps.length === 1 ? 'A crash report was saved at' : 'Crash reports were saved at';
  return {
    title: 'Anycast Manager',
    message: 'Anycast Manager closed unexpectedly the last time it ran.',
    detail: `${saved}:\n${dumps.join('\n')}\n\nReports stay on this computer. Attach them to a ticket if you report the problem.`,
  };
}
