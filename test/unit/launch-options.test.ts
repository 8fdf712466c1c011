import { parseLaunchArguments, parseLaunchOptions, switchesFromNpmConfig } from '../../main/launch-options';

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
      '"--dmeo" is not a switch Anycast Manager knows, so it is ignored. The switches are --demo, --simulate-unelevated, --large, --preview, --port=N, --data-dir=PATH, --self-test [--interface NAME] [--report FILE].',
    ]);
  });

  it('reads the preview data folder, and says so when it names none', () => {
    expect(parseLaunchOptions(['--data-dir=/home/tech/anycast preview']).dataDir).toBe('/home/tech/anycast preview');
    const { options, warnings } = parseLaunchArguments(['--data-dir=']);
    expect(options.dataDir).toBeUndefined();
    expect(warnings).toEqual(['"--data-dir=" names no folder; this run gets a new private one. Write --data-dir=PATH.']);
  });

  it('reads the self-test and its values, written with a space or with =', () => {
    expect(parseLaunchArguments(['--self-test']).options.selfTest).toEqual({});
    expect(parseLaunchArguments(['--self-test', '--interface', 'Ethernet 2', '--report', 'C:\\t\\r.txt'])).toEqual({
      options: expect.objectContaining({ selfTest: { interface: 'Ethernet 2', reportFile: 'C:\\t\\r.txt' } }),
      warnings: [],
    });
    expect(parseLaunchOptions(['--interface=12', '--self-test', '--report=out.txt']).selfTest).toEqual({ interface: '12', reportFile: 'out.txt' });
  });

  it('says when a self-test value is missing, or given without --self-test', () => {
    const { options, warnings } = parseLaunchArguments(['--self-test', '--interface', '--report', 'r.txt']);
    expect(options.selfTest).toEqual({ reportFile: 'r.txt' });
    expect(warnings).toEqual(['"--interface" needs a value (--interface VALUE); it is ignored.']);
    expect(parseLaunchArguments(['--report']).warnings).toEqual(['"--report" needs a value (--report VALUE); it is ignored.']);
    const alone = parseLaunchArguments(['--interface', 'Ethernet']);
    expect(alone.options.selfTest).toBeUndefined();
    expect(alone.warnings).toEqual(['--interface and --report belong to --self-test, which was not given; they are ignored.']);
  });

  it('gives no warnings for the known switches', () => {
    expect(parseLaunchArguments(['--demo', '--large', '--port=0']).warnings).toEqual([]);
  });
});

describe('switches npm kept for itself', () => {
  // What npm 11 sets for `npm start --large --port=8123 --data-dir=/tmp/x` (checked by hand), plus its own settings.
  const npmStart = { npm_lifecycle_event: 'start', npm_config_large: 'true', npm_config_port: '8123', npm_config_data_dir: '/tmp/x', npm_config_audit: '', npm_config_cache: '/root/.npm' };

  it('takes them back inside npm start, and names the form that passes them', () => {
    const { args, note } = switchesFromNpmConfig(npmStart);
    expect(args).toEqual(['--large', '--port=8123', '--data-dir=/tmp/x']);
    expect(parseLaunchOptions(args)).toMatchObject({ large: true, port: 8123, dataDir: '/tmp/x' });
    expect(note).toContain('`npm start -- --large --port=8123 --data-dir=/tmp/x`');
  });

  it('names npm run preview for the preview script, and one switch as "it"', () => {
    const { args, note } = switchesFromNpmConfig({ npm_lifecycle_event: 'preview', npm_config_simulate_unelevated: 'true' });
    expect(args).toEqual(['--simulate-unelevated']);
    expect(note).toBe(
      'npm took --simulate-unelevated as its own setting and did not pass it on; Anycast Manager uses it anyway. ' +
        'The form that passes switches is `npm run preview -- --simulate-unelevated` (npm says it will stop accepting the other in its next major version).',
    );
  });

  it('leaves switches turned off (--large=false) and settings outside npm start alone', () => {
    expect(switchesFromNpmConfig({ npm_lifecycle_event: 'start', npm_config_large: 'false', npm_config_demo: '' })).toEqual({ args: [], note: undefined });
    expect(switchesFromNpmConfig({ ...npmStart, npm_lifecycle_event: 'test' })).toEqual({ args: [], note: undefined });
    expect(switchesFromNpmConfig({ npm_config_large: 'true' })).toEqual({ args: [], note: undefined });
  });
});
