/** Command-line switches of `npm start` and the packaged app, parsed without side effects. */
export interface LaunchOptions {
  /** Force the simulated backend even on Windows. */
  demo: boolean;
  /** The simulated backend acts like a process without administrator rights. */
  simulateUnelevated: boolean;
  /** Seed the simulated backend with 200 interfaces and 10,000 entries. */
  large: boolean;
  /** Skip Electron and serve the browser preview. */
  preview: boolean;
  /** Preview port; 0 picks a free one. */
  port: number;
  /** The preview's data folder, kept across runs; without it each run gets a new private one. */
  dataDir?: string;
}

export interface ParsedLaunch {
  options: LaunchOptions;
  /** One sentence per switch that was not used as typed, for the launcher to print. */
  warnings: string[];
}

const FLAGS = {
  '--demo': 'demo',
  '--simulate-unelevated': 'simulateUnelevated',
  '--large': 'large',
  '--preview': 'preview',
} as const satisfies Record<string, keyof LaunchOptions>;

const KNOWN = [...Object.keys(FLAGS), '--port=N', '--data-dir=PATH'].join(', ');

export function parseLaunchArguments(argv: readonly string[]): ParsedLaunch {
  const options: LaunchOptions = { demo: false, simulateUnelevated: false, large: false, preview: false, port: 0 };
  const warnings: string[] = [];
  for (const arg of argv) {
    if (Object.hasOwn(FLAGS, arg)) options[FLAGS[arg as keyof typeof FLAGS]] = true;
    else if (arg.startsWith('--port=')) {
      const text = arg.slice('--port='.length);
      const port = Number(text);
      if (/^\d+$/.test(text) && port <= 65535) options.port = port;
      else warnings.push(`"${arg}" is not a port number (0 to 65535); a free port is used instead.`);
    } else if (arg.startsWith('--data-dir=')) {
      const folder = arg.slice('--data-dir='.length);
      if (folder !== '') options.dataDir = folder;
      else warnings.push('"--data-dir=" names no folder; this run gets a new private one. Write --data-dir=PATH.');
    } else if (arg.startsWith('-')) {
      warnings.push(`"${arg}" is not a switch Anycast Manager knows, so it is ignored. The switches are ${KNOWN}.`);
    }
  }
  return { options, warnings };
}

export function parseLaunchOptions(argv: readonly string[]): LaunchOptions {
  return parseLaunchArguments(argv).options;
}
