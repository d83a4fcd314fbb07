import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { BoundaryImportReport } from '@whistle/shared';
import { deskUser, fakeFetch, renderSignedIn } from '../../test/render';
import { BoundariesAdmin } from './BoundariesAdmin';

// MapLibre needs WebGL, which jsdom has not; the map is exercised in the browser journey.
jest.mock('./BoundaryReportMap', () => ({ BoundaryReportMap: () => <div data-testid="boundary-map" /> }));

const collection = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { code: 'G1', communityCode: 'C1', name: 'g', kind: 'comprehensive' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      },
    },
  ],
});
const counts = { inserted: 0, updated: 1, unchanged: 0 };
const base: BoundaryImportReport = {
  ok: true,
  applied: false,
  problems: [],
  counts: { streets: { ...counts, updated: 0 }, communities: { ...counts, updated: 0 }, grids: counts },
};
const refused: BoundaryImportReport = {
  ...base,
  ok: false,
  problems: [
    {
      kind: 'gap',
      layer: 'grids',
      codes: ['C1'],
      code: 'gap',
      params: { feature: 'C1', areaM2: 12, lng: 0.5, lat: 0.5 },
      message: 'C1 has a part no grid covers: 12 m² around (0.500000, 0.500000)',
      areaM2: 12,
      location: { lng: 0.5, lat: 0.5 },
    },
    {
      kind: 'overlap',
      layer: 'grids',
      codes: ['G1', 'G2'],
      code: 'overlap',
      params: { feature: 'G1', other: 'G2', areaM2: 189_000.4, lng: 0.5, lat: 0.5 },
      message: 'G1 and G2 overlap: 189000.4 m² around (0.500000, 0.500000)',
      areaM2: 189_000.4,
      location: { lng: 0.5, lat: 0.5 },
    },
  ],
};

const choose = (layer: string, text: string) =>
  fireEvent.change(screen.getByTestId(`boundary-file-${layer}`), {
    target: { files: [new File([text], `${layer}.geojson`, { type: 'application/geo+json' })] },
  });

describe('boundaries admin', () => {
  it('lists an overlap and a gap from the check, overlaps first, and offers no import', async () => {
    const fetch = fakeFetch((method, path) =>
      method === 'POST' && path === '/api/boundaries/validate' ? [200, refused] : undefined,
    );
    renderSignedIn(<BoundariesAdmin />, deskUser('admin'));
    choose('grids', collection);
    expect(await screen.findByText('1 个要素')).toBeTruthy();
    fireEvent.click(screen.getByTestId('boundary-check'));
    expect((await screen.findByRole('alert')).textContent).toBe('发现 2 个问题，不能导入');
    const rows = screen.getAllByTestId('boundary-problem');
    expect(rows.map((r) => r.dataset.kind)).toEqual(['overlap', 'gap']);
    expect(within(rows[0]).getByText('G1 · G2')).toBeTruthy();
    expect(within(rows[0]).getByText('189,000 平方米')).toBeTruthy();
    // Said in Chinese from the problem's code and params, not in the server's English.
    expect(within(rows[0]).getByText('G1 与 G2 重叠，位置约 (0.5, 0.5)')).toBeTruthy();
    expect(within(rows[1]).getByText('C1 有未被任何网格覆盖的区域，位置约 (0.5, 0.5)')).toBeTruthy();
    expect(screen.queryByText(/overlap:/)).toBeNull();
    fireEvent.click(rows[0]);
    expect(rows[0].getAttribute('aria-pressed')).toBe('true');
    expect(screen.queryByTestId('boundary-import')).toBeNull();
    const sent = fetch.mock.calls.find(([url]) => String(url).endsWith('/api/boundaries/validate'));
    expect((sent?.[1]?.body as FormData).get('grids')).toBeInstanceOf(File);
  });

  it('checks, confirms and imports a good file, then says so', async () => {
    const fetch = fakeFetch((method, path) => {
      if (method === 'POST' && path === '/api/boundaries/validate') return [200, base];
      if (method === 'POST' && path === '/api/boundaries/import') return [200, { ...base, applied: true }];
      return undefined;
    });
    renderSignedIn(<BoundariesAdmin />, deskUser('admin'));
    choose('grids', collection);
    await screen.findByText('1 个要素');
    fireEvent.click(screen.getByTestId('boundary-check'));
    fireEvent.click(await screen.findByTestId('boundary-import'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/将新增 0 项、更新 1 项/)).toBeTruthy();
    fireEvent.click(within(dialog).getByTestId('boundary-import-confirm'));
    await waitFor(() => expect(screen.getByTestId('boundary-verdict').dataset.applied).toBe('true'));
    expect(screen.getByRole('status').textContent).toMatch(
      /^导入完成已于 \d{4}-\d\d-\d\d \d\d:\d\d 导入：新增 0 项，更新 1 项。$/,
    );
    expect(fetch.mock.calls.filter(([url]) => String(url).endsWith('/api/boundaries/import'))).toHaveLength(
      1,
    );
  });

  it("shows a file that is no FeatureCollection, and the server's 400, beside their fields", async () => {
    const fetch = fakeFetch((method, path) =>
      method === 'POST' && path === '/api/boundaries/validate'
        ? [
            400,
            { statusCode: 400, message: 'Invalid request: grids', fields: { grids: ['is not valid JSON'] } },
          ]
        : undefined,
    );
    renderSignedIn(<BoundariesAdmin />, deskUser('admin'));
    choose('streets', '{"type":"Feature"}');
    const streets = screen.getByTestId('boundary-field-streets');
    expect((await within(streets).findByRole('alert')).textContent).toBe('不是 GeoJSON FeatureCollection');
    fireEvent.click(screen.getByTestId('boundary-check'));
    expect(fetch.mock.calls.some(([url]) => String(url).includes('/boundaries/validate'))).toBe(false);

    choose('streets', collection);
    await waitFor(() => expect(within(streets).queryByRole('alert')).toBeNull());
    fireEvent.click(screen.getByTestId('boundary-check'));
    const grids = screen.getByTestId('boundary-field-grids');
    expect((await within(grids).findByRole('alert')).textContent).toBe('is not valid JSON');
  });
});
