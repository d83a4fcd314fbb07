import { chinaClock, chinaDate, chinaDateTime, chinaTime } from './china-time';

describe('China time', () => {
  it('writes an instant in UTC+8 the way offices write it', () => {
    expect(chinaDateTime('2026-12-02T08:37:00Z')).toBe('2026-12-02 16:37');
    expect(chinaTime('2026-12-02T08:37:00Z')).toBe('16:37');
    expect(chinaClock('2026-12-02T08:37:05Z')).toBe('16:37:05');
  });

  it('rolls the date over at China midnight, not the browser’s', () => {
    expect(chinaDate('2026-12-02T15:59:59Z')).toBe('2026-12-02');
    expect(chinaDate('2026-12-02T16:00:00Z')).toBe('2026-12-03');
    expect(chinaDateTime(Date.UTC(2026, 11, 2, 16, 5))).toBe('2026-12-03 00:05');
  });

  it('leaves a missing or unreadable time empty', () => {
    expect(chinaDateTime(null)).toBe('');
    expect(chinaDate(undefined)).toBe('');
    expect(chinaTime('not a time')).toBe('');
  });
});
