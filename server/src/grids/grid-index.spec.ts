import type { Polygon } from 'geojson';
import { GridIndex, type IndexedGrid } from './grid-index';

function square(id: string, minX: number, minY: number, size: number): IndexedGrid {
  const polygon: Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [minX, minY],
        [minX + size, minY],
        [minX + size, minY + size],
        [minX, minY + size],
        [minX, minY],
      ],
    ],
  };
  return {
    id,
    streetId: 's',
    communityId: 'c',
    districtId: 'd',
    polygon,
    minX,
    minY,
    maxX: minX + size,
    maxY: minY + size,
  };
}

describe('GridIndex', () => {
  const grids: IndexedGrid[] = [];
  for (let x = 0; x < 40; x++)
    for (let y = 0; y < 40; y++) grids.push(square(`${x}-${y}`, 118 + x * 0.01, 32 + y * 0.01, 0.01));
  // A triangle whose bounding box overlaps its neighbour: the exact test must decide.
  const triangle: IndexedGrid = {
    ...square('tri', 120, 32, 0.01),
    polygon: {
      type: 'Polygon',
      coordinates: [
        [
          [120, 32],
          [120.01, 32],
          [120, 32.01],
          [120, 32],
        ],
      ],
    },
  };
  const index = new GridIndex([...grids, triangle]);

  it('finds the grid holding a point among 1,600', () => {
    expect(index.size).toBe(1601);
    expect(index.lookup({ lng: 118.125, lat: 32.335 })?.id).toBe('12-33');
  });

  it('uses the polygon, not just its box', () => {
    expect(index.lookup({ lng: 120.002, lat: 32.002 })?.id).toBe('tri');
    expect(index.lookup({ lng: 120.009, lat: 32.009 })).toBeNull();
  });

  it('finds nothing outside every grid', () => {
    expect(index.lookup({ lng: 117.9, lat: 32.1 })).toBeNull();
  });
});
