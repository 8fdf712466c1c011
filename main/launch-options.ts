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
}

export function parseLaunchOptions(argv: readonly string[]): LaunchOptions {
  const options: LaunchOptions = { demo: false, simulateUnelevated: false, large: false, preview: false, port: 0 };
  for (const arg of argv) {
    if (arg === '--demo') options.demo = true;
    else if (arg === '--simulate-unelevated') options.simulateUnelevated = true;
    else if (arg === '--large') options.large = true;
    else if (arg === '--preview') options.preview = true;
    else if (arg.startsWith('--port=')) {
      const port = Number(arg.slice('--port='.length));
      if (Number.isInteger(port) && port >= 0 && port <= 65535) options.port = port;
    }
  }
  return options;
}
