/**
 * The packaged app runs elevated: a debugger attached to it (Chromium's remote debugging,
 * Node's inspector, V8 flags) would hand a local user an administrator's process. The fuses
 * already turn Node's inspector switches off; this refuses every such switch at start-up,
 * before anything else runs, and says why. Development runs keep them.
 */
import { app, dialog } from 'electron';

/** Chromium and Node switches that attach a debugger or change how V8 runs the app's code. */
const DEBUGGING_SWITCHES = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'remote-debugging-io-pipes',
  'remote-allow-origins',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-publish-uid',
  'inspect-brk-node',
  'debug',
  'debug-brk',
  'debug-port',
  'js-flags',
] as const;

/**
 * The debugging switches in `args`, as typed. Chromium reads a switch after "--", "-" or,
 * on Windows, "/", in any case there, with or without "=value".
 */
export function debuggingSwitchesIn(args: readonly string[], platform: NodeJS.Platform = process.platform): string[] {
  const prefix = platform === 'win32' ? /^(?:--|-|\/)/ : /^--?/;
  return args.filter((arg) => {
    const match = prefix.exec(arg);
    if (!match) return false;
    const name = arg.slice(match[0].length).split('=')[0]!;
    return (DEBUGGING_SWITCHES as readonly string[]).includes(platform === 'win32' ? name.toLowerCase() : name);
  });
}

/** Ends a packaged app started with a debugging switch, after saying so; returns whether it did. */
export function refuseDebuggingSwitches(argv: readonly string[] = process.argv): boolean {
  if (!app.isPackaged) return false;
  const found = debuggingSwitchesIn(argv.slice(1));
  if (found.length === 0) return false;
  const message =
    `Anycast Manager does not start with ${found.join(' ')}: it runs as administrator, and a debugger attached to it ` +
    'would give whoever controls that debugger administrator rights on this computer. Start it without the switch.';
  console.error(message);
  // Safe before 'ready': a message box on Windows, stderr elsewhere.
  dialog.showErrorBox('Anycast Manager did not start', message);
  app.exit(1);
  return true;
}
