import type { IncidentView } from '@whistle/shared';
import { IncidentMapModel, type IncidentMapSink } from './incident-model';

function incident(id: string, patch: Partial<IncidentView> = {}): IncidentView {
  return {
    id,
    title: id,
    description: null,
    category: 'noise',
    priority: 'normal',
    source: 'operator',
    status: 'registered',
    location: { lng: 118.79, lat: 32.03 },
    gridId: 'g1',
    communityId: 'c1',
    streetId: 's1',
    districtId: 'd1',
    rejectReason: null,
    mergedIntoId: null,
    overdue: false,
    standing: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...patch,
  };
}

function setup(intervalMs = 250) {
  const frames: (() => void)[] = [];
  let clock = 0;
  const model = new IncidentMapModel({
    schedule: (run) => frames.push(run),
    now: () => clock,
    intervalMs,
  });
  const pushes: number[] = [];
  const grids: [string, number][] = [];
  const sink: IncidentMapSink = {
    setIncidents: (list) => pushes.push(list.length),
    setGridOpenCount: (id, open) => grids.push([id, open]),
  };
  const frame = (advance = 16) => {
    clock += advance;
    frames.splice(0).forEach((run) => run());
  };
  return { model, sink, frames, frame, pushes, grids };
}

describe('IncidentMapModel', () => {
  it('batches a burst of changes into one draw', () => {
    const { model, sink, frames, frame, pushes, grids } = setup();
    model.attach(sink);
    frame();
    pushes.length = 0;
    grids.length = 0;
    frame(1000);
    for (let i = 0; i < 100; i++) model.upsert(incident(`i${i}`, { gridId: `g${i % 3}` }));
    expect(frames).toHaveLength(1); // one draw scheduled for 100 changes
    frame();
    expect(pushes).toEqual([100]);
    // Only the three grids that changed, each once, with its final count.
    expect(grids.sort()).toEqual([
      ['g0', 34],
      ['g1', 33],
      ['g2', 33],
    ]);
  });

  it('pushes at most once per interval but never loses the last change', () => {
    const { model, sink, frame, pushes } = setup(250);
    model.attach(sink);
    frame();
    model.upsert(incident('a'));
    frame(); // too soon after the attach push: deferred to a later frame
    model.upsert(incident('b'));
    for (let i = 0; i < 14; i++) frame(); // 14 × 16 ms: still inside the interval
    expect(pushes).toEqual([0]);
    frame(); // the interval has passed: both changes in one push
    expect(pushes).toEqual([0, 2]);
  });

  it('drops incidents that close and moves counts between grids', () => {
    const { model, sink, frame, grids } = setup(0);
    model.attach(sink);
    model.upsert(incident('a', { gridId: 'g1' }));
    model.upsert(incident('a', { gridId: 'g2' }));
    frame();
    expect(model.openInGrid('g1')).toBe(0);
    expect(model.openInGrid('g2')).toBe(1);
    model.upsert(incident('a', { gridId: 'g2', status: 'closed' }));
    frame();
    expect(model.size).toBe(0);
    expect(grids.at(-1)).toEqual(['g2', 0]);
  });

  it('sends the complete initial set at once, however recent the last push', () => {
    const { model, sink, frame, pushes } = setup(250);
    model.attach(sink);
    frame();
    model.replaceAll([incident('a'), incident('b')]);
    model.markLoaded();
    frame();
    expect(pushes).toEqual([0, 2]);
    expect(model.loadedPushed).toBe(true);
  });

  it('says when the complete initial set has gone to the map', () => {
    const { model, sink, frame } = setup(0);
    model.attach(sink);
    model.replaceAll([incident('a'), incident('b')]);
    frame();
    expect(model.loadedPushed).toBe(false);
    model.markLoaded();
    frame();
    expect(model.loadedPushed).toBe(true);
    expect(model.size).toBe(2);
  });
});
