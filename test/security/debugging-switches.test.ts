/**
 * The packaged, elevated app refuses Chromium and Node debugging switches at start-up:
 * it says why and exits before any window, handler or backend exists. A development run
 * keeps them. Electron is faked, as in electron-hardening.test.ts.
 */
import { mockElectron } from './electron-fake';

describe('finding debugging switches', () => {
  let debuggingSwitchesIn: typeof import('../../main/electron/debugging-switches').debuggingSwitchesIn;

  beforeAll(async () => {
    mockElectron();
    ({ debuggingSwitchesIn } = await import('../../main/electron/debugging-switches'));
  });

  it.each([
    '--remote-debugging-port=9222',
    '--remote-debugging-pipe',
    '--remote-debugging-address=0.0.0.0',
    '--remote-allow-origins=*',
    '--inspect',
    '--inspect=127.0.0.1:9229',
    '--inspect-brk',
    '--inspect-brk=9229',
    '--inspect-port=9229',
    '--inspect-brk-node',
    '--js-flags=--allow-natives-syntax',
    '-remote-debugging-port=9222',
    '--debug=5858',
  ])('finds %s', (arg) => {
    expect(debuggingSwitchesIn(['--demo', arg], 'linux')).toEqual([arg]);
  });

  it.each(['/remote-debugging-port=9222', '--REMOTE-DEBUGGING-PORT=9222', '/Inspect', '-JS-FLAGS=--expose-gc'])(
    'finds %s on Windows, where Chromium reads "/" and any case',
    (arg) => {
      expect(debuggingSwitchesIn([arg], 'win32')).toEqual([arg]);
    },
  );

  it.each(['--demo', '--large', '--port=9222', '--inspector', '--debugger', 'C:\\Users\\tech\\inspect', 'inspect', '--data-dir=/tmp/--inspect'])(
    'leaves %s alone',
    (arg) => {
      expect(debuggingSwitchesIn([arg], 'win32')).toEqual([]);
      expect(debuggingSwitchesIn([arg], 'linux')).toEqual([]);
    },
  );
});

describe('starting the app with a debugging switch', () => {
  const argv = process.argv;

  afterEach(() => {
    process.argv = argv;
  });

  async function start(args: string[], isPackaged: boolean) {
    const fake = mockElectron();
    fake.app.isPackaged = isPackaged;
    const dialog = { showErrorBox: vi.fn() };
    Object.assign(fake, { dialog });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    process.argv = ['C:\\Program Files\\Anycast Manager\\Anycast Manager.exe', ...args];
    await import('../../main/electron/electron-main');
    logged.mockRestore();
    return { fake, dialog };
  }

  it('refuses in the packaged app: says why, exits with 1, and starts nothing', async () => {
    const { fake, dialog } = await start(['--remote-debugging-port=9222'], true);
    expect(dialog.showErrorBox).toHaveBeenCalledWith(
      'Anycast Manager did not start',
      expect.stringMatching(/^Anycast Manager does not start with --remote-debugging-port=9222: it runs as administrator/),
    );
    expect(fake.app.exit).toHaveBeenCalledWith(1);
    expect(fake.app.whenReady).not.toHaveBeenCalled();
    expect(fake.ipcHandlers.size).toBe(0);
    expect(fake.windows).toEqual([]);
  });

  it('names every switch it refuses', async () => {
    const { dialog } = await start(['--inspect=9229', '--demo', '--js-flags=--expose-gc'], true);
    expect(dialog.showErrorBox.mock.calls[0]?.[1]).toContain('with --inspect=9229 --js-flags=--expose-gc:');
  });

  it('starts as usual without one', async () => {
    const { fake, dialog } = await start(['--demo'], true);
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
    expect(fake.app.exit).not.toHaveBeenCalled();
  });

  it('keeps the switches for development runs', async () => {
    const { fake, dialog } = await start(['--inspect'], false);
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
  });
});
