import { FIRST_REPORT_MONTH, REPORT_MONTH_PATTERN } from '@whistle/shared';
import { chinaDate, type TimeInput } from '../../lib/china-time';

/** Calendar months as `YYYY-MM`, counted in China time like the server's report. */

export function chinaMonth(now: TimeInput): string {
  return chinaDate(now).slice(0, 7);
}

/** The month `delta` months after `month` (negative: before). */
export function shiftMonth(month: string, delta: number): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (number - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** A month the server takes: well formed, not before the first report month, not after `latest`. */
export function isReportMonth(month: string | null, latest: string): month is string {
  return month !== null && REPORT_MONTH_PATTERN.test(month) && month >= FIRST_REPORT_MONTH && month <= latest;
}

/** The month's first and last days, as the report's period line writes them. */
export function monthDays(month: string): { first: string; last: string } {
  const [year, number] = month.split('-').map(Number) as [number, number];
  // Day 0 of the next month is this month's last day (UTC arithmetic: no zone involved).
  const lastDay = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(lastDay).padStart(2, '0')}` };
}

/** The month the page opens on: the one asked for in the address, else the last complete month. */
export function initialMonth(asked: string | null, now: TimeInput): string {
  const current = chinaMonth(now);
  return isReportMonth(asked, current) ? asked : shiftMonth(current, -1);
}

/** Every month a report can be asked for, newest first. */
export function reportMonths(latest: string): string[] {
  const months: string[] = [];
  for (let m = latest; m >= FIRST_REPORT_MONTH; m = shiftMonth(m, -1)) months.push(m);
  return months;
}
