import { INCIDENT_POINT_FIELDS, type IncidentPointsView } from '@whistle/shared';
import { IncidentMapModel } from './incident-model';
import { decodeIncidentPoints } from './incident-points';
import { toMercator } from './mercator';

const view: IncidentPointsView = {
  fields: INCIDENT_POINT_FIELDS,
  rows: [
    ['a', 118.791234, 32.031, 'noise', 'registered', 'urgent', true, 'g1'],
    ['b', 118.8, 32.04, 'street_vending', 'in_progress', 'normal', false, 'g2'],
  ],
  truncated: false,
};

describe('decodeIncidentPoints', () => {
  it('turns each positional row into the point the map model keeps', () => {
    expect(decodeIncidentPoints(view)).toEqual([
      {
        id: 'a',
        location: { lng: 118.791234, lat: 32.031 },
        category: 'noise',
        status: 'registered',
        priority: 'urgent',
        overdue: true,
        gridId: 'g1',
      },
      {
        id: 'b',
        location: { lng: 118.8, lat: 32.04 },
        category: 'street_vending',
        status: 'in_progress',
        priority: 'normal',
        overdue: false,
        gridId: 'g2',
      },
    ]);
  });

  it('feeds the map model: points, grid counts and the feature properties it draws', () => {
    const frames: (() => void)[] = [];
    const model = new IncidentMapModel({ schedule: (run) => frames.push(run), now: () => 0, intervalMs: 0 });
    let drawn: unknown[] = [];
    model.attach({
      setIncidents: (list) => {
        drawn = [...list];
      },
      setGridOpenCount: () => undefined,
    });
    model.replaceAll(decodeIncidentPoints(view));
    frames.splice(0).forEach((run) => run());
    expect(model.size).toBe(2);
    expect(model.openInGrid('g1')).toBe(1);
    expect(drawn).toHaveLength(2);
    expect(drawn).toContainEqual({
      id: 'a',
      category: 'noise',
      priority: 'urgent',
      status: 'registered',
      overdue: true,
      at: toMercator(118.791234, 32.031),
    });
  });

  it('refuses rows laid out differently rather than mixing up their columns', () => {
    const swapped = { ...view, fields: ['id', 'lat', 'lng'] } as unknown as IncidentPointsView;
    expect(() => decodeIncidentPoints(swapped)).toThrow(/fields/);
  });
});
