import type { GridCollection } from '../reference/reference-queries';
import { gridBounds } from './grid-bounds';

const square = (id: string, lng: number, lat: number, size = 0.01): GridCollection['features'][number] => ({
  type: 'Feature',
  properties: { id } as GridCollection['features'][number]['properties'],
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [lng, lat],
        [lng + size, lat],
        [lng + size, lat + size],
        [lng, lat + size],
        [lng, lat],
      ],
    ],
  },
});

describe('gridBounds', () => {
  it('boxes every grid’s outer ring', () => {
    expect(gridBounds([square('a', 118.7, 32.0), square('b', 118.8, 32.05, 0.02)])).toEqual([
      118.7, 32.0, 118.82, 32.07,
    ]);
  });

  it('has no box for no grids', () => {
    expect(gridBounds([])).toBeNull();
  });
});
