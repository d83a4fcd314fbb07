import { fireEvent, render, screen } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import type { IncidentView, SiteCheckView, UserView } from '@whistle/shared';
import { AppProviders } from '../../AppProviders';
import { signInForTest } from '../../test/session';
import { SiteCheckCards } from './SiteCheckCards';

const worker: UserView = {
  id: 'u1',
  username: 'grid.fuzimiao.01',
  displayName: '李网格',
  role: 'grid_worker',
  districtId: 'd1',
  streetId: 's1',
  departmentId: null,
  gridIds: ['g1'],
};

const incident = {
  id: 'i1',
  title: '占道经营',
  category: 'street_vending',
  status: 'resolved',
  gridId: 'g1',
  createdAt: '2026-11-22T01:00:00.000Z',
  updatedAt: '2026-11-22T02:00:00.000Z',
} as IncidentView;

const checkAt = (checkedAt: string, fixed = false): SiteCheckView => ({
  fixed,
  note: fixed ? null : '摊位仍在',
  checkedById: 'u1',
  checkedAt,
});

/** The detail answers with `lastSiteCheck`; a site check answers with `answer`. */
function fakeFetch(lastSiteCheck: SiteCheckView | null, answer?: SiteCheckView) {
  global.fetch = jest.fn((url: URL | string) => {
    const body = String(url).endsWith('/site-checks') ? answer : { ...incident, lastSiteCheck };
    return Promise.resolve({
      ok: true,
      status: 200,
      json: () => Promise.resolve(body),
    } as unknown as Response);
  }) as unknown as typeof fetch;
}

function renderCards() {
  signInForTest(worker);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <AppProviders client={client}>
      <SiteCheckCards incidents={[incident]} />
    </AppProviders>,
  );
}

describe('grid worker to-check cards', () => {
  it('shows the form, and 已核查 with the result once the check is sent', async () => {
    fakeFetch(null, checkAt('2026-11-22T03:00:00.000Z'));
    renderCards();
    fireEvent.click(await screen.findByTestId('site-check-not-fixed'));
    fireEvent.change(screen.getByTestId('site-check-note'), { target: { value: '摊位仍在' } });
    fireEvent.click(screen.getByTestId('site-check-submit'));
    const done = await screen.findByTestId('site-check-done');
    expect(done.textContent).toContain('已核查 · 未修复');
    expect(done.textContent).toContain('摊位仍在');
    expect(screen.queryByTestId('site-check-i1')).toBeNull();
  });

  it('shows a check made since the incident last changed, without the form', async () => {
    fakeFetch(checkAt('2026-11-22T02:30:00.000Z', true));
    renderCards();
    expect((await screen.findByTestId('site-check-done')).textContent).toContain('已核查 · 已修复');
  });

  it('asks again when the only check is older than the latest resolution', async () => {
    fakeFetch(checkAt('2026-11-22T01:30:00.000Z'));
    renderCards();
    expect(await screen.findByTestId('site-check-i1')).toBeTruthy();
    expect(screen.queryByTestId('site-check-done')).toBeNull();
  });
});
