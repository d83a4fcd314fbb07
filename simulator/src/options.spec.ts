import { DEFAULT_COMPRESSION, DEFAULT_RATE, OptionsError, parseOptions } from './options';

describe('options', () => {
  it('has defaults that play a day in about ten minutes', () => {
    const o = parseOptions([], {}, 42);
    expect(o).toMatchObject({
      url: 'http://127.0.0.1:3000',
      rate: DEFAULT_RATE,
      seed: '42',
      durationSeconds: null,
    });
    expect((24 * 60 * 60) / DEFAULT_COMPRESSION / 60).toBe(10);
  });

  it('reads flags before the environment', () => {
    const o = parseOptions(['--rate', '0.5', '--compression=600', '--seed', 'x', '--duration', '180'], {
      SIM_URL: 'http://h:1/',
      SIM_RATE: '9',
    });
    expect(o).toMatchObject({
      url: 'http://h:1',
      rate: 0.5,
      compression: 600,
      seed: 'x',
      durationSeconds: 180,
    });
  });

  it('refuses unknown flags and bad numbers', () => {
    expect(() => parseOptions(['--speed', '2'], {})).toThrow(OptionsError);
    expect(() => parseOptions(['--rate', '-1'], {})).toThrow(OptionsError);
    expect(() => parseOptions(['--rate'], {})).toThrow(OptionsError);
    expect(() => parseOptions([], { SIM_LATE_SHARE: '2' })).toThrow(OptionsError);
  });
});
