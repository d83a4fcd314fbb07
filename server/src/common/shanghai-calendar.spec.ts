import { shanghaiDateKey, shanghaiMonthKey, shanghaiPeriodStarts } from './shanghai-calendar';

describe('shanghaiPeriodStarts', () => {
  it('starts the day at 16:00 UTC of the previous UTC day', () => {
    const p = shanghaiPeriodStarts(new Date('2024-05-10T03:00:00Z')); // 11:00 in Shanghai
    expect(p.dayStart.toISOString()).toBe('2024-05-09T16:00:00.000Z');
    expect(p.monthStart.toISOString()).toBe('2024-04-30T16:00:00.000Z');
    expect(p.dayKey).toBe('2024-05-10');
  });

  it('is already tomorrow in Shanghai from 16:00 UTC', () => {
    const p = shanghaiPeriodStarts(new Date('2024-05-10T16:00:00Z'));
    expect(p.dayStart.toISOString()).toBe('2024-05-10T16:00:00.000Z');
    expect(p.dayKey).toBe('2024-05-11');
  });

  it('is still today one millisecond before Shanghai midnight', () => {
    const p = shanghaiPeriodStarts(new Date('2024-05-10T15:59:59.999Z'));
    expect(p.dayStart.toISOString()).toBe('2024-05-09T16:00:00.000Z');
  });

  it('rolls the month over on the Shanghai calendar, not the UTC one', () => {
    // 31 May 20:00 UTC is already 1 June 04:00 in Shanghai.
    const p = shanghaiPeriodStarts(new Date('2024-05-31T20:00:00Z'));
    expect(p.monthStart.toISOString()).toBe('2024-05-31T16:00:00.000Z');
    expect(p.dayStart.toISOString()).toBe('2024-05-31T16:00:00.000Z');
  });

  it('rolls the year over', () => {
    const p = shanghaiPeriodStarts(new Date('2024-12-31T17:30:00Z'));
    expect(p.monthStart.toISOString()).toBe('2024-12-31T16:00:00.000Z');
    expect(p.dayKey).toBe('2025-01-01');
  });

  it('handles leap days', () => {
    const p = shanghaiPeriodStarts(new Date('2024-02-29T12:00:00Z'));
    expect(p.dayStart.toISOString()).toBe('2024-02-28T16:00:00.000Z');
    expect(p.monthStart.toISOString()).toBe('2024-01-31T16:00:00.000Z');
  });
});

describe('shanghaiDateKey', () => {
  it('is the Shanghai date, a day ahead of UTC from 16:00 UTC', () => {
    expect(shanghaiDateKey(new Date('2026-12-06T15:59:59.999Z'))).toBe('2026-12-06');
    expect(shanghaiDateKey(new Date('2026-12-06T16:00:00Z'))).toBe('2026-12-07');
  });

  it('is the day shanghaiPeriodStarts counts from, and the month shanghaiMonthKey names', () => {
    const now = new Date('2026-11-30T17:00:00Z'); // 1 December 01:00 in Shanghai
    expect(shanghaiDateKey(now)).toBe(shanghaiPeriodStarts(now).dayKey);
    expect(shanghaiMonthKey(now)).toBe('2026-12');
  });
});
