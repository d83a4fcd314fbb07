import { badRequest } from './open311-error';
import { findService } from './service-catalog';
import { parseW3c } from './w3c-date';

export const OPEN311_STATUSES = ['open', 'closed'] as const;
export type Open311Status = (typeof OPEN311_STATUSES)[number];

/** The spec's default window and its longest allowed one. */
export const WINDOW_DAYS = 90;
/** The spec's default (and Whistle's only) page: the first 1000 requests, newest first. */
export const MAX_RESULTS = 1000;
const DAY_MS = 86_400_000;

export type RequestQuery =
  | { kind: 'ids'; ids: string[] }
  | {
      kind: 'search';
      serviceCodes: string[] | null;
      statuses: Open311Status[] | null;
      start: Date;
      end: Date;
    };

/**
 * GET requests filters. `service_request_id` overrides every other argument; otherwise the window
 * is the last 90 days unless start_date/end_date say otherwise, and may not span more than 90 days.
 * Lists may be comma-delimited or the parameter repeated.
 */
export function parseRequestQuery(query: Record<string, unknown>, now: Date): RequestQuery {
  const ids = list(query.service_request_id);
  if (ids) return { kind: 'ids', ids };
  const problems: string[] = [];
  const serviceCodes = list(query.service_code);
  for (const code of serviceCodes ?? []) {
    if (!findService(code)) problems.push(`service_code ${code} is not a known service`);
  }
  const statusList = list(query.status);
  for (const s of statusList ?? []) {
    if (!(OPEN311_STATUSES as readonly string[]).includes(s))
      problems.push(`status must be open or closed, not ${s}`);
  }
  const start = date(query.start_date, 'start_date', problems);
  const end = date(query.end_date, 'end_date', problems);
  if (problems.length) throw badRequest(...problems);
  const window = WINDOW_DAYS * DAY_MS;
  const from = start ?? new Date((end ?? now).getTime() - window);
  const to = end ?? (start ? new Date(start.getTime() + window) : now);
  if (from > to) throw badRequest('start_date must not be after end_date');
  if (to.getTime() - from.getTime() > window) {
    throw badRequest(`start_date and end_date may not span more than ${WINDOW_DAYS} days`);
  }
  return {
    kind: 'search',
    serviceCodes,
    statuses: statusList as Open311Status[] | null,
    start: from,
    end: to,
  };
}

/** An optional list: absent or empty is null (the spec's "optional means absent when empty"). */
function list(value: unknown): string[] | null {
  if (value === undefined || value === null) return null;
  const parts = (Array.isArray(value) ? value : [value])
    .filter((v): v is string => typeof v === 'string')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  return parts.length ? [...new Set(parts)] : null;
}

function date(value: unknown, name: string, problems: string[]): Date | null {
  if (value === undefined || value === '') return null;
  const parsed = typeof value === 'string' ? parseW3c(value) : null;
  if (!parsed) problems.push(`${name} must be a W3C date-time with a time zone, e.g. 2010-01-01T00:00:00Z`);
  return parsed;
}
