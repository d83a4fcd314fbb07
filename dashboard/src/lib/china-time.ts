/**
 * Times as Chinese offices write them, always in China time (UTC+8, no daylight saving), whatever
 * the browser's zone: 2026-12-02 16:37. One formatter, built once: constructing Intl formatters
 * per call is the expensive part.
 */
/** For the few formatters that need words (a weekday) rather than these digits. */
export const CHINA_ZONE = 'Asia/Shanghai';

const FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: CHINA_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export type TimeInput = string | number | Date;

interface ChinaParts {
  date: string;
  minutes: string;
  seconds: string;
}

function chinaParts(value: TimeInput): ChinaParts | null {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const part: Record<string, string> = {};
  for (const { type, value: text } of FORMAT.formatToParts(date)) part[type] = text;
  const minutes = `${part.hour}:${part.minute}`;
  return {
    date: `${part.year}-${part.month}-${part.day}`,
    minutes,
    seconds: `${minutes}:${part.second}`,
  };
}

/** 2026-12-02 16:37 — an empty string for a missing or unreadable time. */
export function chinaDateTime(value: TimeInput | null | undefined): string {
  const parts = value == null ? null : chinaParts(value);
  return parts ? `${parts.date} ${parts.minutes}` : '';
}

/** 2026-12-02 */
export function chinaDate(value: TimeInput | null | undefined): string {
  return (value == null ? null : chinaParts(value))?.date ?? '';
}

/** 16:37 */
export function chinaTime(value: TimeInput | null | undefined): string {
  return (value == null ? null : chinaParts(value))?.minutes ?? '';
}

/** 16:37:05, for clocks that tick by the second. */
export function chinaClock(value: TimeInput | null | undefined): string {
  return (value == null ? null : chinaParts(value))?.seconds ?? '';
}
