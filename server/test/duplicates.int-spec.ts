import type { IncidentDetail, LngLat } from '@whistle/shared';
import { dispatchOf, incidentDetail, must } from './support/api-driver';
import { raiseIncidentAt } from './support/flows';
import { login, type Api } from './support/clients';
import { TestEnv, type RunningTestApp } from './support/test-app';
import { createWorld, type World } from './support/world';

/** A point `east` and `north` metres from `from` (equirectangular: exact enough over 100 m). */
function offset(from: LngLat, east: number, north = 0): LngLat {
  const metresPerDegree = 111_195;
  return {
    lng: from.lng + east / (metresPerDegree * Math.cos((from.lat * Math.PI) / 180)),
    lat: from.lat + north / metresPerDegree,
  };
}

/** Likely duplicates offered on intake and in the detail view, and merging that keeps both timelines. */
describe('likely duplicates and merging', () => {
  let env: TestEnv;
  let app: RunningTestApp;
  let world: World;
  let streetA: Api;
  let streetB: Api;
  let district: Api;
  let officerX: Api;

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
    app = await env.start();
    streetA = await login(app.url, world.users.operatorA);
    streetB = await login(app.url, world.users.operatorB);
    district = await login(app.url, world.users.districtOperator);
    officerX = await login(app.url, world.users.officerX);
  });

  afterAll(() => env.destroy());

  const raise = raiseIncidentAt;

  it('offers open incidents of the same category within 50 m of the last 24 h, nearest first', async () => {
    const here = world.streetA.points[0];
    const cat = 'street_vending';
    const far = await raise(streetA, offset(here, 40), cat);
    const near = await raise(streetA, offset(here, 0, 12), cat);
    const tooFar = await raise(streetA, offset(here, -60), cat);
    const otherCategory = await raise(streetA, offset(here, 5), 'noise');
    const old = await raise(streetA, offset(here, -10), cat);
    // Only the clock can age an incident; move its creation back past the window.
    await env.db.query(`UPDATE incidents SET created_at = now() - interval '25 hours' WHERE id = $1`, [
      old.id,
    ]);
    const rejected = await raise(streetA, offset(here, 0, -8), cat);
    await must(streetA.post(`/api/incidents/${rejected.id}/reject`, { reason: '重复上报' }), 200, 'reject');
    const dispatch = await dispatchOf(streetA, officerX, offset(here, 0, 20), world.deptX.id, 'verified');
    await must(streetA.post(`/api/incidents/${dispatch.incidentId}/close`), 200, 'close');

    const fresh = await raise(streetA, here, cat);
    expect(fresh.likelyDuplicates.map((d) => d.id)).toEqual([near.id, far.id]);
    expect(fresh.likelyDuplicates[0]).toMatchObject({
      id: near.id,
      category: cat,
      status: 'reported',
      location: near.location,
      streetId: world.streetA.street.id,
    });
    expect(fresh.likelyDuplicates[0]?.distanceMeters).toBeCloseTo(12, 0);
    expect(fresh.likelyDuplicates[1]?.distanceMeters).toBeCloseTo(40, 0);
    const offered = new Set(fresh.likelyDuplicates.map((d) => d.id));
    for (const notOffered of [tooFar.id, otherCategory.id, old.id, rejected.id, dispatch.incidentId])
      expect(offered.has(notOffered)).toBe(false);

    // The detail view offers the same, and an earlier incident sees the later ones too.
    const detail = await incidentDetail(streetA, fresh.id);
    expect(detail.likelyDuplicates.map((d) => d.id)).toEqual([near.id, far.id]);
    const earlier = await incidentDetail(district, far.id);
    expect(earlier.likelyDuplicates.map((d) => d.id)).toEqual([fresh.id, near.id]);
  });

  it('offers only incidents the user may see', async () => {
    // Street A ends and street B begins at this longitude; 10 m either side is 20 m apart.
    const border = { lng: 118.72, lat: 32.015 };
    const inA = await raise(streetA, offset(border, -10), 'fire_hazard');
    const inB = await raise(streetB, offset(border, 10), 'fire_hazard');
    expect(inB.streetId).toBe(world.streetB.street.id);
    expect(inB.likelyDuplicates).toEqual([]);
    const asDistrict = await incidentDetail(district, inB.id);
    expect(asDistrict.likelyDuplicates.map((d) => d.id)).toEqual([inA.id]);
    expect(asDistrict.likelyDuplicates[0]?.distanceMeters).toBeCloseTo(20, 0);
  });

  it('merging keeps both timelines: the merged one stays readable, the survivor shows the merge', async () => {
    const here = world.streetA.points[2];
    const original = await raise(streetA, here, 'sanitation', '垃圾满溢');
    await must(streetA.post(`/api/incidents/${original.id}/register`), 200, 'register');
    const duplicate = await raise(streetA, offset(here, 8), 'sanitation', '垃圾桶满了');
    expect(duplicate.likelyDuplicates.map((d) => d.id)).toEqual([original.id]);

    await must(
      streetA.post(`/api/incidents/${duplicate.id}/merge`, { intoIncidentId: original.id }),
      200,
      'merge',
    );

    const merged = await incidentDetail(streetA, duplicate.id);
    expect(merged).toMatchObject({ status: 'merged', mergedIntoId: original.id });
    expect(merged.timeline.map((t) => t.summary.change)).toEqual(['created', 'merge']);
    expect(merged.timeline.every((t) => t.summary.incidentId === undefined)).toBe(true);

    const survivor = await incidentDetail(streetA, original.id);
    const entries = survivor.timeline.map((t) => [t.summary.change, t.summary.incidentId ?? original.id]);
    expect(entries).toEqual([
      ['created', original.id],
      ['register', original.id],
      ['created', duplicate.id],
      ['merge', duplicate.id],
    ]);
    const mergeEntry = survivor.timeline.find((t) => t.summary.change === 'merge');
    expect(mergeEntry?.summary.mergedIntoId).toBe(original.id);
    expect(mergeEntry?.actor?.id).toBe(world.users.operatorA.id);
    // A merged incident is no longer offered as the one to join.
    const later = await raise(streetA, offset(here, -5), 'sanitation');
    expect(later.likelyDuplicates.map((d) => d.id)).toEqual([original.id]);
  });

  it('shows timelines merged in further down a chain on the final survivor', async () => {
    const here = world.streetA.points[3];
    const first = await raise(streetA, here, 'greenery', '树枝断落');
    const second = await raise(streetA, offset(here, 5), 'greenery', '断枝挡路');
    const third = await raise(streetA, offset(here, 10), 'greenery', '大树断枝');
    await must(
      streetA.post(`/api/incidents/${first.id}/merge`, { intoIncidentId: second.id }),
      200,
      'merge 1',
    );
    await must(
      streetA.post(`/api/incidents/${second.id}/merge`, { intoIncidentId: third.id }),
      200,
      'merge 2',
    );
    const survivor: IncidentDetail = await incidentDetail(district, third.id);
    const about = (id: string) =>
      survivor.timeline.filter((t) => (t.summary.incidentId ?? third.id) === id).map((t) => t.summary.change);
    expect(about(third.id)).toEqual(['created']);
    expect(about(second.id)).toEqual(['created', 'merge']);
    expect(about(first.id)).toEqual(['created', 'merge']);
    expect(survivor.timeline.map((t) => Number(t.eventId))).toEqual(
      [...survivor.timeline.map((t) => Number(t.eventId))].sort((a, b) => a - b),
    );
  });
});
