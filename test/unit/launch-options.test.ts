import { parseLaunchArguments, parseLaunchOptions } from '../../main/launch-options';

describe('launch options', () => {
  it('defaults to the real backend, elevated, on a free port', () => {
    expect(parseLaunchOptions([])).toEqual({ demo: false, simulateUnelevated: false, large: false, preview: false, port: 0 });
  });

  it('reads the switches', () => {
    expect(parseLaunchOptions(['--demo', '--simulate-unelevated', '--large', '--preview', '--port=5180'])).toEqual({
      demo: true,
      simulateUnelevated: true,
      large: true,
      preview: true,
      port: 5180,
    });
  });

  it('ignores a port that is not a port, and says so', () => {
    for (const arg of ['--port=99999', '--port=abc', '--port=', '--port=-1', '--port=1e3']) {
      const { options, warnings } = parseLaunchArguments([arg]);
      expect(options.port).toBe(0);
      expect(warnings).toEqual([`"${arg}" is not a port number (0 to 65535); a free port is used instead.`]);
    }
  });

  it('names an unknown switch and lists the known ones, but leaves plain arguments alone', () => {
    const { options, warnings } = parseLaunchArguments(['C:\\Program Files\\Anycast Manager', '--dmeo', '--demo']);
    expect(options.demo).toBe(true);
    expect(warnings).toEqual([
      '"--dmeo" is not a switch Anycast Manager knows, so it is ignored. The switches are --demo, --simulate-unelevated, --large, --preview, --port=N, --data-dir=PATH.',
    ]);
  });

  it('reads the preview data folder, and says so when it names none', () => {
    expect(parseLaunchOptions(['--data-dir=/home/tech/anycast preview']).dataDir).toBe('/home/tech/anycast preview');
    const { options, warnings } = parseLaunchArguments(['--data-dir=']);
    expect(options.dataDir).toBeUndefined();
    expect(warnings).toEqual(['"--data-dir=" names no folder; this run gets a new private one. Write --data-dir=PATH.']);
  });

  it('gives no warnings for the known switches', () => {
    expect(parseLaunchArguments(['--demo', '--large', '--port=0']).warnings).toEqual([]);
  });
});
