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
  /** --self-test: check this computer, write the report and exit, without a window. */
  selfTest?: SelfTestOptions;
}

export interface SelfTestOptions {
  /** An interface (alias, LUID or index) for the create, get, list and delete round trip. */
  interface?: string;
  /** Where to write the report; it is always printed too. */
  reportFile?: string;
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

/** Switches of the self-test that take a value, as `--name VALUE` or `--name=VALUE`. */
const SELF_TEST_VALUES = { '--interface': 'interface', '--report': 'reportFile' } as const satisfies Record<string, keyof SelfTestOptions>;

const KNOWN = [...Object.keys(FLAGS), '--port=N', '--data-dir=PATH', '--self-test [--interface NAME] [--report FILE]'].join(', ');

export function parseLaunchArguments(argv: readonly string[]): ParsedLaunch {
  const options: LaunchOptions = { demo: false, simulateUnelevated: false, large: false, preview: false, port: 0 };
  const warnings: string[] = [];
  const selfTest: SelfTestOptions = {};
  let selfTestAsked = false;
  for (let at = 0; at < argv.length; at++) {
    const arg = argv[at]!;
    const [name, inline] = splitValue(arg);
    if (Object.hasOwn(FLAGS, arg)) options[FLAGS[arg as keyof typeof FLAGS]] = true;
    else if (arg === '--self-test') selfTestAsked = true;
    else if (Object.hasOwn(SELF_TEST_VALUES, name)) {
      const value = inline ?? argv[++at];
      if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) {
        warnings.push(`"${name}" needs a value (${name} VALUE); it is ignored.`);
        if (inline === undefined && value !== undefined) at--;
      } else selfTest[SELF_TEST_VALUES[name as keyof typeof SELF_TEST_VALUES]] = value;
    }
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
  if (selfTestAsked) options.selfTest = selfTest;
  else if (Object.keys(selfTest).length > 0) warnings.push('--interface and --report belong to --self-test, which was not given; they are ignored.');
  return { options, warnings };
}

/** "--name=value" as its name and value; any other argument as itself and no value. */
function splitValue(arg: string): [string, string | undefined] {
  const equals = arg.indexOf('=');
  return equals < 0 ? [arg, undefined] : [arg.slice(0, equals), arg.slice(equals + 1)];
}

export function parseLaunchOptions(argv: readonly string[]): LaunchOptions {
  return parseLaunchArguments(argv).options;
}

/** npm's environment names for the switches: `npm start --large` (no `--`) sets npm_config_large=true. */
const NPM_CONFIG_SWITCHES = [
  ['npm_config_demo', '--demo'],
  ['npm_config_simulate_unelevated', '--simulate-unelevated'],
  ['npm_config_large', '--large'],
  ['npm_config_preview', '--preview'],
  ['npm_config_port', '--port='],
  ['npm_config_data_dir', '--data-dir='],
] as const;

export interface NpmSwitches {
  /** The switches npm kept for itself, written as the launcher takes them. */
  args: string[];
  /** What happened and the form to use instead, for the launcher to print; empty when npm kept nothing. */
  note: string | undefined;
}

/**
 * npm reads a switch typed before `--` as one of its own settings and passes it on only as an
 * environment variable, so `npm start --large` would start the normal machine. Inside
 * `npm start` and `npm run preview`, take those switches back, and name the right form.
 */
export function switchesFromNpmConfig(env: Readonly<Record<string, string | undefined>>): NpmSwitches {
  const script = env.npm_lifecycle_event;
  if (script !== 'start' && script !== 'preview') return { args: [], note: undefined };
  const args: string[] = [];
  for (const [name, flag] of NPM_CONFIG_SWITCHES) {
    const value = env[name];
    if (value === undefined || value === '' || value === 'false') continue;
    args.push(flag.endsWith('=') ? `${flag}${value}` : flag);
  }
  if (args.length === 0) return { args, note: undefined };
  const typed = args.join(' ');
  const command = script === 'start' ? 'npm start' : 'npm run preview';
  return {
    args,
    note:
      `npm took ${typed} as its own setting${args.length > 1 ? 's' : ''} and did not pass ${args.length > 1 ? 'them' : 'it'} on; ` +
      `Anycast Manager uses ${args.length > 1 ? 'them' : 'it'} anyway. The form that passes switches is \`${command} -- ${typed}\` ` +
      '(npm says it will stop accepting the other in its next major version).',
  };
}
