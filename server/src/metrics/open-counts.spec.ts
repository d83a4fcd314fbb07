import { openSection } from './open-counts';

describe('openSection', () => {
  it('totals by street and by category, listing the given streets even at zero', () => {
    const open = openSection(
      [
        { streetId: 's1', category: 'road', incidents: 2 },
        { streetId: 's1', category: 'fire', incidents: 1 },
        { streetId: 's2', category: 'road', incidents: 3 },
      ],
      [{ streetId: 's2', count: 1 }],
      { order: ['s1', 's2', 's3'], alwaysListed: ['s1', 's2', 's3'] },
    );
    expect(open).toEqual({
      incidents: 6,
      whistles: 1,
      byStreet: [
        { streetId: 's1', incidents: 3, whistles: 0 },
        { streetId: 's2', incidents: 3, whistles: 1 },
        { streetId: 's3', incidents: 0, whistles: 0 },
      ],
      byCategory: [
        { category: 'road', incidents: 5 },
        { category: 'fire', incidents: 1 },
      ],
    });
  });

  it('lists empty streets only when asked to, everything in the given order', () => {
    const open = openSection(
      [
        { streetId: 's3', category: 'road', incidents: 1 },
        { streetId: 's1', category: 'road', incidents: 1 },
      ],
      [],
      { order: ['s1', 's2', 's3'], alwaysListed: [] },
    );
    expect(open.byStreet.map((s) => s.streetId)).toEqual(['s1', 's3']);
  });

  it('still counts streets missing from the order, after the ordered ones', () => {
    const open = openSection([{ streetId: 's9', category: 'road', incidents: 1 }], [], {
      order: ['s1'],
      alwaysListed: ['s1'],
    });
    expect(open.byStreet).toEqual([
      { streetId: 's1', incidents: 0, whistles: 0 },
      { streetId: 's9', incidents: 1, whistles: 0 },
    ]);
  });

  it('orders equal categories by name so the output is stable', () => {
    const open = openSection(
      [
        { streetId: 's1', category: 'b', incidents: 1 },
        { streetId: 's1', category: 'a', incidents: 1 },
      ],
      [],
      { order: [], alwaysListed: [] },
    );
    expect(open.byCategory.map((c) => c.category)).toEqual(['a', 'b']);
  });
});
