import { WhistleOverlay } from './overlay/whistle-overlay';
import { whistleMarkers, WhistleMarkerFeed } from './whistle-markers';
import { dispatchView, type DispatchPatch } from '../../test/factories';

const NOW = Date.parse('2026-12-06T08:00:00Z');
const later = '2026-12-06T09:00:00Z';

const dispatch = (id: string, whistleId: string | null, patch: DispatchPatch = {}) =>
  dispatchView({
    id,
    whistleId,
    incidentId: `i-${whistleId}`,
    departmentId: `dep-${id}`,
    acceptBy: later,
    arriveBy: later,
    resolveBy: later,
    createdAt: '2026-12-06T07:00:00Z',
    updatedAt: '2026-12-06T07:00:00Z',
    ...patch,
  });

const arrived = {
  status: 'arrived' as const,
  acceptedAt: '2026-12-06T07:05:00Z',
  arrivedAt: '2026-12-06T07:30:00Z',
};

describe('whistleMarkers', () => {
  it('pulses a whistle until every summoned department has arrived, then holds it still', () => {
    const markers = whistleMarkers(
      [
        dispatch('a', 'w1', arrived),
        dispatch('b', 'w1', { status: 'accepted', acceptedAt: '2026-12-06T07:05:00Z' }),
        dispatch('c', 'w2', arrived),
        dispatch('d', 'w2', { ...arrived, assigneeKind: 'leader', departmentId: null }),
        dispatch('task', null),
      ],
      NOW,
    );
    expect(markers.map((m) => [m.whistleId, m.pulsing])).toEqual([
      ['w1', true],
      ['w2', false],
    ]);
  });

  it('marks a whistle overdue when a running stage is past its deadline', () => {
    const [late] = whistleMarkers([dispatch('a', 'w1', { acceptBy: '2026-12-06T07:30:00Z' })], NOW);
    const [marked] = whistleMarkers([dispatch('a', 'w1', { ...arrived, overdueStages: ['accept'] })], NOW);
    const [fine] = whistleMarkers([dispatch('a', 'w1')], NOW);
    expect([late?.overdue, marked?.overdue, fine?.overdue]).toEqual([true, true, false]);
  });
});

describe('WhistleOverlay', () => {
  const view = { center: { x: 0.83, y: 0.4 }, zoom: 12, width: 800, height: 600 };

  it('draws a halo for each pulsing whistle and a marker for each, rewriting nothing that did not change', () => {
    const overlay = new WhistleOverlay();
    const [halos, marks] = overlay.elements as [SVGSVGElement, SVGSVGElement];
    const at = (lng: number, lat: number) => ({
      incident: { location: { lng, lat } },
    });
    const first = dispatch('a', 'w1', at(118.8, 32.01));
    const second = dispatch('b', 'w2', { ...arrived, ...at(118.8, 32.02) });
    const list = [first, second];
    // Centre the view on the first whistle so both are in sight.
    const [marker] = whistleMarkers(list, NOW);
    overlay.draw({ ...view, center: marker?.at ?? view.center });
    overlay.setMarkers(whistleMarkers(list, NOW));
    expect(halos.querySelectorAll('circle')).toHaveLength(1);
    expect(halos.querySelector('circle')?.getAttribute('data-whistle-id')).toBe('w1');
    expect([...marks.querySelectorAll('path')].map((p) => p.getAttribute('data-pulsing'))).toEqual([
      'true',
      'false',
    ]);
    const circle = halos.querySelector('circle');
    overlay.setMarkers(whistleMarkers(list, NOW));
    // The same whistles again: the very same elements stay (no flicker, no restarted animation).
    expect(halos.querySelector('circle')).toBe(circle);

    // The last department arrives: the halo goes, the marker stays and stops pulsing.
    overlay.setMarkers(whistleMarkers([{ ...first, ...arrived }, second], NOW));
    expect(halos.querySelectorAll('circle')).toHaveLength(0);
    expect([...marks.querySelectorAll('path')].map((p) => p.getAttribute('data-pulsing'))).toEqual([
      'false',
      'false',
    ]);
  });
});

describe('WhistleMarkerFeed', () => {
  it('gives a map that attaches late the latest markers at once, then every change', () => {
    const feed = new WhistleMarkerFeed();
    const markers = whistleMarkers([dispatch('a', 'w1')], NOW);
    feed.set(markers);
    const seen: unknown[] = [];
    feed.attach((m) => seen.push(m));
    feed.set([]);
    feed.detach();
    feed.set(markers);
    expect(seen).toEqual([markers, []]);
  });
});
