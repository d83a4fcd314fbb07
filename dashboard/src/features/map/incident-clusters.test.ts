import { CLUSTER_MAX_ZOOM, clusterIncidents, expansionZoom, type MapIncident } from './incident-clusters';
import { fromMercator, projector, toMercator } from './mercator';

let serial = 0;
function incident(lng: number, lat: number, patch: Partial<MapIncident> = {}): MapIncident {
  return {
    id: `i${serial++}`,
    category: 'noise',
    status: 'registered',
    priority: 'normal',
    overdue: false,
    at: toMercator(lng, lat),
    ...patch,
  };
}

/** A thousand incidents scattered over the Qinhuai district's box, some urgent, some overdue. */
function district(): MapIncident[] {
  return Array.from({ length: 1000 }, (_, i) =>
    incident(118.75 + ((i * 37) % 101) / 1000, 31.99 + ((i * 53) % 97) / 1000, {
      priority: i % 13 === 0 ? 'urgent' : 'normal',
      overdue: i % 19 === 0,
    }),
  );
}

describe('incident clusters', () => {
  it('puts every incident in exactly one cluster, so the counts add up at every zoom', () => {
    const all = district();
    for (const zoom of [10, 12.6, 14, CLUSTER_MAX_ZOOM, CLUSTER_MAX_ZOOM + 1]) {
      const clusters = clusterIncidents(all, zoom);
      expect(clusters.reduce((n, c) => n + c.count, 0)).toBe(all.length);
      expect(new Set(clusters.flatMap((c) => c.members.map((m) => m.id))).size).toBe(all.length);
    }
  });

  it('sums urgent and overdue members per cluster', () => {
    const all = district();
    const clusters = clusterIncidents(all, 12);
    expect(clusters.reduce((n, c) => n + c.urgent, 0)).toBe(
      all.filter((i) => i.priority === 'urgent').length,
    );
    expect(clusters.reduce((n, c) => n + c.overdue, 0)).toBe(all.filter((i) => i.overdue).length);
    for (const c of clusters) {
      expect(c.urgent).toBe(c.members.filter((m) => m.priority === 'urgent').length);
      expect(c.overdue).toBe(c.members.filter((m) => m.overdue).length);
    }
  });

  it('groups more when zoomed out, and shows every incident alone past the cluster zoom', () => {
    const all = district();
    expect(clusterIncidents(all, 11).length).toBeLessThan(clusterIncidents(all, 14).length);
    expect(clusterIncidents(all, CLUSTER_MAX_ZOOM + 1)).toHaveLength(all.length);
  });

  it('places a cluster at the mean of its members', () => {
    const [cluster] = clusterIncidents([incident(118.8, 32.0), incident(118.8002, 32.0002)], 12);
    const [lng, lat] = fromMercator(cluster?.at ?? { x: 0, y: 0 });
    expect(cluster?.count).toBe(2);
    expect(lng).toBeCloseTo(118.8001, 5);
    expect(lat).toBeCloseTo(32.0001, 5);
  });

  it('a click zooms to the first level where the cluster splits', () => {
    const pair = [incident(118.8, 32.0), incident(118.81, 32.0)];
    const [cluster] = clusterIncidents(pair, 8);
    expect(cluster?.count).toBe(2);
    const zoom = expansionZoom(
      cluster ?? { at: { x: 0, y: 0 }, count: 0, urgent: 0, overdue: 0, members: [] },
      8,
    );
    expect(clusterIncidents(pair, zoom)).toHaveLength(2);
    expect(clusterIncidents(pair, zoom - 1)).toHaveLength(1);
  });
});

describe('mercator projection', () => {
  it('round-trips and puts the view centre in the middle of the container', () => {
    const [lng, lat] = fromMercator(toMercator(118.79, 32.03));
    expect(lng).toBeCloseTo(118.79, 9);
    expect(lat).toBeCloseTo(32.03, 9);
    const project = projector({ center: toMercator(118.8, 32), zoom: 12, width: 800, height: 600 });
    const [x, y] = project(toMercator(118.8, 32));
    expect(x).toBeCloseTo(400, 6);
    expect(y).toBeCloseTo(300, 6);
    // East is right and north is up; at zoom 12 the world is 512 × 4096 pixels wide.
    const [ex, ny] = project(toMercator(118.8 + 360 / (512 * 4096), 32.001));
    expect(ex).toBeCloseTo(401, 6);
    expect(ny).toBeLessThan(300);
  });
});
