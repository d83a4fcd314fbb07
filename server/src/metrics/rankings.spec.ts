import { NO_DISPATCHES } from './dispatch-rates';
import { rankDepartments, rankingShownTo, rankStreets } from './rankings';

const named = (id: string) => ({ id, nameZh: `${id}局`, nameEn: id });

describe('rankDepartments', () => {
  it('scores with departmentScore and ranks, ties sharing a rank', () => {
    const good = {
      ...NO_DISPATCHES,
      dispatches: 2,
      acceptedOnTime: 2,
      acceptanceDue: 2,
      resolved: 2,
      resolutionBase: 2,
    };
    const ranked = rankDepartments([
      { ...named('idle'), ...NO_DISPATCHES, averageRating: null, ratings: 0 },
      { ...named('a'), ...good, averageRating: 5, ratings: 2 },
      { ...named('b'), ...good, averageRating: 5, ratings: 1 },
    ]);
    expect(ranked.map((r) => [r.id, r.rank, r.score])).toEqual([
      ['a', 1, 100],
      ['b', 1, 100],
      ['idle', 3, 0],
    ]);
    expect(ranked[0]?.components).toEqual({
      responseRate: 1,
      onTimeArrivalRate: null,
      resolutionRate: 1,
      reopenRate: null,
      averageRating: 5,
      dispatches: 2,
      ratings: 2,
    });
  });

  it('gives the rating its weight', () => {
    const base = { ...NO_DISPATCHES, dispatches: 1, resolved: 1, resolutionBase: 1 };
    const [first, second] = rankDepartments([
      { ...named('low'), ...base, averageRating: 2, ratings: 1 },
      { ...named('high'), ...base, averageRating: 4.333333, ratings: 3 },
    ]);
    expect(first?.id).toBe('high');
    expect(first?.components.averageRating).toBe(4.33);
    expect(second?.id).toBe('low');
  });
});

describe('rankStreets', () => {
  it('prefers the street that needs fewer whistles per incident', () => {
    const base = { ...NO_DISPATCHES, dispatches: 4, resolved: 4, resolutionBase: 4 };
    const ranked = rankStreets([
      { ...named('busy'), ...base, incidents: 10, whistles: 10 },
      { ...named('calm'), ...base, incidents: 10, whistles: 2 },
    ]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ['calm', 1],
      ['busy', 2],
    ]);
    expect(ranked[0]?.components).toMatchObject({ whistleRate: 0.2, incidents: 10, whistles: 2 });
  });

  it('leaves the whistle rate out for a street without incidents', () => {
    const [row] = rankStreets([{ ...named('new'), ...NO_DISPATCHES, incidents: 0, whistles: 0 }]);
    expect(row?.components.whistleRate).toBeNull();
  });
});

describe('rankingShownTo', () => {
  const ranking = ['a', 'b', 'c'].map((id, i) => ({
    ...named(id),
    score: 90 - i * 10,
    rank: i + 1,
    components: {},
  }));

  it('shows a department only its own row, with its rank among all', () => {
    const own = rankingShownTo({ kind: 'department', districtId: 'd', departmentId: 'b' }, ranking);
    expect(own).toEqual([{ ...named('b'), score: 80, rank: 2, components: {} }]);
  });

  it('shows the district and a street the whole ranking', () => {
    expect(rankingShownTo({ kind: 'district', districtId: 'd' }, ranking)).toEqual(ranking);
    expect(rankingShownTo({ kind: 'street', districtId: 'd', streetId: 's' }, ranking)).toEqual(ranking);
  });
});
