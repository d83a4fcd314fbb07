import { chinaMonth, initialMonth, isReportMonth, monthDays, reportMonths, shiftMonth } from './month';

describe('report months', () => {
  it('counts the month in China time: 30 Nov 16:00 UTC is already December', () => {
    expect(chinaMonth('2026-11-30T15:59:00Z')).toBe('2026-11');
    expect(chinaMonth('2026-11-30T16:00:00Z')).toBe('2026-12');
  });

  it('steps across a year', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-11', -13)).toBe('2025-10');
  });

  it('takes only months the server takes', () => {
    expect(isReportMonth('2026-11', '2026-12')).toBe(true);
    expect(isReportMonth('2026-12', '2026-12')).toBe(true);
    expect(isReportMonth('2027-01', '2026-12')).toBe(false);
    expect(isReportMonth('2019-12', '2026-12')).toBe(false);
    expect(isReportMonth('2026-13', '2026-12')).toBe(false);
    expect(isReportMonth(null, '2026-12')).toBe(false);
  });

  it('knows each month’s last day, leap Februaries included', () => {
    expect(monthDays('2026-11')).toEqual({ first: '2026-11-01', last: '2026-11-30' });
    expect(monthDays('2028-02').last).toBe('2028-02-29');
    expect(monthDays('2026-12').last).toBe('2026-12-31');
  });

  it('opens on the month asked for, else the last complete month', () => {
    const now = '2026-12-06T07:00:00Z';
    expect(initialMonth('2026-10', now)).toBe('2026-10');
    expect(initialMonth('2030-01', now)).toBe('2026-11');
    expect(initialMonth(null, now)).toBe('2026-11');
  });

  it('lists every month from the latest back to January 2020', () => {
    const months = reportMonths('2026-12');
    expect(months).toHaveLength(7 * 12);
    expect(months.slice(0, 2)).toEqual(['2026-12', '2026-11']);
    expect(months.at(-1)).toBe('2020-01');
  });
});
