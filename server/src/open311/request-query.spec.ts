import { parseRequestQuery } from './request-query';
import { Open311Error } from './open311-error';

const NOW = new Date('2026-11-22T00:00:00Z');
const DAY = 86_400_000;

function problems(query: Record<string, unknown>): string[] {
  try {
    parseRequestQuery(query, NOW);
  } catch (e) {
    if (e instanceof Open311Error) return e.errors.map((x) => x.description);
    throw e;
  }
  return [];
}

describe('GET requests filters', () => {
  it('defaults to the last 90 days, all services and statuses', () => {
    expect(parseRequestQuery({}, NOW)).toEqual({
      kind: 'search',
      serviceCodes: null,
      statuses: null,
      start: new Date(NOW.getTime() - 90 * DAY),
      end: NOW,
    });
  });

  it('lets service_request_id override every other argument', () => {
    expect(
      parseRequestQuery({ service_request_id: 'a, b,,a', status: 'bogus', start_date: 'x' }, NOW),
    ).toEqual({
      kind: 'ids',
      ids: ['a', 'b'],
    });
  });

  it('takes comma lists and repeated parameters alike, empty ones as absent', () => {
    const q = parseRequestQuery(
      { service_code: ['noise,gas_leak', 'noise'], status: '', start_date: '' },
      NOW,
    );
    expect(q).toMatchObject({ serviceCodes: ['noise', 'gas_leak'], statuses: null });
  });

  it('extends a lone start_date or end_date by 90 days', () => {
    const start = parseRequestQuery({ start_date: '2026-01-01T00:00:00Z' }, NOW);
    expect(start).toMatchObject({ end: new Date(Date.parse('2026-01-01T00:00:00Z') + 90 * DAY) });
    const end = parseRequestQuery({ end_date: '2026-06-01T00:00:00Z' }, NOW);
    expect(end).toMatchObject({ start: new Date(Date.parse('2026-06-01T00:00:00Z') - 90 * DAY) });
  });

  it('reports every bad argument at once', () => {
    expect(problems({ service_code: 'potholes', status: 'open,pending', start_date: 'soon' })).toEqual([
      'service_code potholes is not a known service',
      'status must be open or closed, not pending',
      'start_date must be a W3C date-time with a time zone, e.g. 2010-01-01T00:00:00Z',
    ]);
  });

  it('refuses a reversed window and one longer than 90 days', () => {
    expect(problems({ start_date: '2026-02-01T00:00:00Z', end_date: '2026-01-01T00:00:00Z' })).toEqual([
      'start_date must not be after end_date',
    ]);
    expect(problems({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-04-02T00:00:00Z' })).toEqual([
      'start_date and end_date may not span more than 90 days',
    ]);
  });
});
