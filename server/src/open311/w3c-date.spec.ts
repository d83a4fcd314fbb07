import { parseW3c, toW3c } from './w3c-date';

describe('W3C dates', () => {
  it('writes local time with its +08:00 offset, to the second', () => {
    expect(toW3c(new Date('2026-11-22T02:04:03.999Z'))).toBe('2026-11-22T10:04:03+08:00');
    expect(toW3c(new Date('2026-12-31T20:00:00Z'))).toBe('2027-01-01T04:00:00+08:00');
  });

  it('reads Z and offsets, with or without seconds and fractions', () => {
    expect(parseW3c('2010-01-01T00:00:00Z')?.toISOString()).toBe('2010-01-01T00:00:00.000Z');
    expect(parseW3c('1994-11-05T08:15:30-05:00')?.toISOString()).toBe('1994-11-05T13:15:30.000Z');
    expect(parseW3c('2026-11-22T10:04+08:00')?.toISOString()).toBe('2026-11-22T02:04:00.000Z');
    expect(parseW3c('2026-11-22T10:04:03.5Z')?.toISOString()).toBe('2026-11-22T10:04:03.500Z');
  });

  it('reads a date alone as the start of that local day', () => {
    expect(parseW3c('2026-11-22')?.toISOString()).toBe('2026-11-21T16:00:00.000Z');
  });

  it('refuses text without a zone, days that do not exist and anything else', () => {
    for (const bad of [
      '2026-11-22T10:04:03',
      '2026-02-31',
      '2026-13-01',
      '2026-11-22T25:00:00Z',
      'yesterday',
      '',
    ]) {
      expect(parseW3c(bad)).toBeNull();
    }
  });
});
