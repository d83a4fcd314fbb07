import { BadRequestException } from '@nestjs/common';
import { checkPeriod, trendBuckets } from './metrics-period';

describe('checkPeriod', () => {
  it('accepts a period with from before to', () => {
    const period = checkPeriod('2026-11-01T00:00:00+08:00', '2026-11-08T00:00:00+08:00');
    expect(period.from.toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(period.to.toISOString()).toBe('2026-11-07T16:00:00.000Z');
  });

  it('refuses an empty or reversed period with a field message', () => {
    expect(() => checkPeriod('2026-11-02T00:00:00Z', '2026-11-02T00:00:00Z')).toThrow(BadRequestException);
    try {
      checkPeriod('2026-11-03T00:00:00Z', '2026-11-02T00:00:00Z');
    } catch (error) {
      expect((error as BadRequestException).getResponse()).toMatchObject({
        fields: { to: ['to must be later than from'] },
      });
    }
  });

  it('limits hourly trends to a week and daily ones to a year', () => {
    expect(() => checkPeriod('2026-11-01T00:00:00Z', '2026-11-09T00:00:00Z', 'hour')).toThrow(
      /at most 7 days/,
    );
    expect(() => checkPeriod('2026-11-01T00:00:00Z', '2026-11-09T00:00:00Z', 'day')).not.toThrow();
    expect(() => checkPeriod('2025-01-01T00:00:00Z', '2026-11-09T00:00:00Z', 'day')).toThrow(/366 days/);
  });
});

describe('trendBuckets', () => {
  it('starts days at Beijing midnight, even when from is mid-day', () => {
    const b = trendBuckets(checkPeriod('2026-11-01T10:30:00+08:00', '2026-11-03T08:00:00+08:00'), 'day');
    expect(b.starts.map((d) => d.toISOString())).toEqual([
      '2026-10-31T16:00:00.000Z',
      '2026-11-01T16:00:00.000Z',
      '2026-11-02T16:00:00.000Z',
    ]);
    expect(b.origin.toISOString()).toBe('2026-10-31T16:00:00.000Z');
  });

  it('cuts a day into 24 hourly buckets', () => {
    const b = trendBuckets(
      checkPeriod('2026-11-01T00:00:00+08:00', '2026-11-02T00:00:00+08:00', 'hour'),
      'hour',
    );
    expect(b.starts).toHaveLength(24);
    expect(b.sizeMs).toBe(3_600_000);
  });
});
