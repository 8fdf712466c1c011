import { parseLaunchOptions } from '../../main/launch-options';

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

  it('ignores a port that is not a port', () => {
    expect(parseLaunchOptions(['--port=99999']).port).toBe(0);
    expect(parseLaunchOptions(['--port=abc']).port).toBe(0);
  });
});
