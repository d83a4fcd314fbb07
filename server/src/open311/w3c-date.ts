/**
 * Dates in the spec's W3C subset of ISO 8601. Whistle's districts are in China, so times go out
 * in local time with its +08:00 offset (the spec requires an offset or Z; local reads better).
 */
const OFFSET_MINUTES = 8 * 60;
const OFFSET = '+08:00';

export function toW3c(date: Date): string {
  const local = new Date(date.getTime() + OFFSET_MINUTES * 60_000);
  return `${local.toISOString().slice(0, 19)}${OFFSET}`;
}

/** YYYY-MM-DD, or a full date-time with seconds optional, fractions optional and a zone required. */
const W3C_DATE = /^\d{4}-\d{2}-\d{2}$/;
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A date alone means the start of that day in the district's local time. */
export function parseW3c(value: string): Date | null {
  let text = value;
  if (W3C_DATE.test(text)) text = `${text}T00:00:00${OFFSET}`;
  else if (!W3C_DATETIME.test(text)) return null;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) return null;
  // Date() rolls 2026-02-31 over into March; a date that does not exist is refused instead.
  const [y, m, d] = text.slice(0, 10).split('-').map(Number);
  const check = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1));
  return check.getUTCMonth() === (m ?? 1) - 1 && check.getUTCDate() === d ? date : null;
}
