import { beijingDate, beijingMidnight, periodOf, previousPeriod } from './period';

// 2026-03-05 01:30 in Beijing is still 4 March in UTC: the day must follow Beijing.
const NOW = Date.parse('2026-03-05T01:30:20+08:00');

describe('leaders’ periods', () => {
  it('finds Beijing midnight and date whatever the UTC date is', () => {
    expect(new Date(beijingMidnight(NOW)).toISOString()).toBe('2026-03-04T16:00:00.000Z');
    expect(beijingDate(NOW)).toBe('2026-03-05');
  });

  it('makes today an hourly period from Beijing midnight to the next whole minute', () => {
    expect(periodOf({ kind: 'today' }, NOW)).toEqual({
      from: '2026-03-04T16:00:00.000Z',
      to: '2026-03-04T17:31:00.000Z',
      bucket: 'hour',
      firstDay: '2026-03-05',
      lastDay: '2026-03-05',
    });
  });

  it('keeps the same period for a whole minute, so the query is not refetched every second', () => {
    expect(periodOf({ kind: 'week' }, NOW + 30_000)).toEqual(periodOf({ kind: 'week' }, NOW));
  });

  it('counts 7 and 30 days including today, in days', () => {
    const week = periodOf({ kind: 'week' }, NOW);
    expect(week).toMatchObject({ from: '2026-02-26T16:00:00.000Z', bucket: 'day', firstDay: '2026-02-27' });
    const month = periodOf({ kind: 'month' }, NOW);
    expect(month).toMatchObject({ from: '2026-02-03T16:00:00.000Z', bucket: 'day', firstDay: '2026-02-04' });
  });

  it('takes a custom period with both days included, hourly for a single day', () => {
    expect(periodOf({ kind: 'custom', startDate: '2026-03-01', endDate: '2026-03-03' }, NOW)).toEqual({
      from: '2026-02-28T16:00:00.000Z',
      to: '2026-03-03T16:00:00.000Z',
      bucket: 'day',
      firstDay: '2026-03-01',
      lastDay: '2026-03-03',
    });
    expect(periodOf({ kind: 'custom', startDate: '2026-03-02', endDate: '2026-03-02' }, NOW)?.bucket).toBe(
      'hour',
    );
  });

  it('refuses an incomplete, malformed or reversed custom period', () => {
    expect(periodOf({ kind: 'custom', startDate: '2026-03-01' }, NOW)).toBeNull();
    expect(periodOf({ kind: 'custom', startDate: '2026-3-1', endDate: '2026-03-02' }, NOW)).toBeNull();
    expect(periodOf({ kind: 'custom', startDate: '2026-03-05', endDate: '2026-03-01' }, NOW)).toBeNull();
  });

  it('finds the previous period of equal length', () => {
    const week = periodOf({ kind: 'custom', startDate: '2026-03-08', endDate: '2026-03-14' }, NOW);
    if (!week) throw new Error('no period');
    expect(previousPeriod(week)).toMatchObject({
      from: '2026-02-28T16:00:00.000Z',
      to: '2026-03-07T16:00:00.000Z',
      firstDay: '2026-03-01',
      lastDay: '2026-03-07',
    });
  });
});
