import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { StreetView } from '@whistle/shared';
import { deskUser, fakeFetch, renderSignedIn } from '../../test/render';
import { AdmissionAdmin } from './AdmissionAdmin';

const street = (id: string, code: string, nameZh: string): StreetView => ({
  id,
  code,
  nameZh,
  nameEn: code,
  districtId: 'd1',
  center: { lng: 118.79, lat: 32.02 },
});

function setup() {
  const lists: Record<string, string[]> = { 's-1': ['noise'], 's-2': ['sanitation', 'greenery'] };
  const puts: { path: string; body: unknown }[] = [];
  fakeFetch((method, path, body) => {
    if (method === 'GET' && path === '/api/streets') {
      return [200, [street('s-1', 'fuzimiao', '夫子庙街道'), street('s-2', 'shuangtang', '双塘街道')]];
    }
    const match = /^\/api\/streets\/(s-\d)\/admission-list$/.exec(path);
    const id = match?.[1];
    if (!id) return undefined;
    if (method === 'PUT') {
      puts.push({ path, body });
      lists[id] = (body as { categories: string[] }).categories;
    }
    return [200, { streetId: id, categories: lists[id] }];
  });
  renderSignedIn(<AdmissionAdmin />, deskUser('admin'));
  return puts;
}

describe('admission lists admin', () => {
  beforeEach(() => sessionStorage.clear());

  it('shows the first street’s list, switches streets, and saves the ticked categories whole', async () => {
    const puts = setup();
    expect((await screen.findByTestId<HTMLInputElement>('admission-category-noise')).checked).toBe(true);
    fireEvent.click(screen.getByTestId('admission-street-shuangtang'));
    await waitFor(() =>
      expect(screen.getByTestId<HTMLInputElement>('admission-category-greenery').checked).toBe(true),
    );
    expect(screen.getByTestId<HTMLInputElement>('admission-category-noise').checked).toBe(false);
    expect(screen.getByTestId<HTMLButtonElement>('admission-save').disabled).toBe(true);

    fireEvent.click(screen.getByTestId('admission-category-greenery'));
    fireEvent.click(screen.getByTestId('admission-category-noise'));
    fireEvent.click(screen.getByTestId('admission-save'));
    expect(await screen.findByText('已保存')).toBeTruthy();
    expect(puts).toEqual([
      { path: '/api/streets/s-2/admission-list', body: { categories: ['noise', 'sanitation'] } },
    ]);
  });
});
