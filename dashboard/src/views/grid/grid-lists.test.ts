import type { IncidentView } from '@whistle/shared';
import { awaitingVerification, myReports } from './grid-lists';

const incident = (id: string, over: Partial<IncidentView>): IncidentView =>
  ({ id, title: id, source: 'operator', status: 'registered', gridId: 'g1', ...over }) as IncidentView;

describe('grid worker lists', () => {
  const all = [
    incident('mine', { source: 'grid_worker' }),
    incident('hotline', { source: 'hotline_12345' }),
    incident('fixed-here', { status: 'resolved', gridId: 'g1' }),
    incident('fixed-elsewhere', { status: 'resolved', gridId: 'g9', source: 'grid_worker' }),
    incident('verified', { status: 'verified' }),
  ];

  it('lists grid workers’ reports as mine', () => {
    expect(myReports(all).map((i) => i.id)).toEqual(['mine', 'fixed-elsewhere']);
  });

  it('lists resolved incidents in my grids only as awaiting verification', () => {
    expect(awaitingVerification(all, ['g1']).map((i) => i.id)).toEqual(['fixed-here']);
  });
});
