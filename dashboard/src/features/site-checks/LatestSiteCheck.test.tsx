import { screen, waitFor, within } from '@testing-library/react';
import type { IncidentDetail, SiteCheckView } from '@whistle/shared';
import { deskUser, fakeFetch, renderSignedIn } from '../../test/render';
import type { PhotoSummary } from '../photos/photo-api';
import { checkPhotos, LatestSiteCheck } from './LatestSiteCheck';

const check: SiteCheckView = {
  fixed: false,
  note: '围挡仍未拆除',
  checkedById: 'gw1',
  checkedAt: '2026-12-02T08:37:00.000Z',
};

function photo(id: string, patch: Partial<PhotoSummary>): PhotoSummary {
  return {
    id,
    incidentId: 'inc-1',
    dispatchId: null,
    contentType: 'image/jpeg',
    thumbnailUrl: `/api/photos/${id}/thumbnail`,
    url: `/api/photos/${id}`,
    uploadedById: 'gw1',
    createdAt: '2026-12-02T08:37:05.000Z',
    ...patch,
  };
}

function incident(lastSiteCheck: SiteCheckView | null): IncidentDetail {
  return {
    id: 'inc-1',
    status: 'resolved',
    timeline: [
      {
        eventId: 'e1',
        type: 'incident.updated',
        occurredAt: check.checkedAt,
        actor: { id: 'gw1', displayName: '王网格', role: 'grid_worker' },
        summary: {},
      },
    ],
    lastSiteCheck,
  } as unknown as IncidentDetail;
}

describe('the grid worker’s latest site check in the street’s pane', () => {
  it('shows the result, note, checker and China time, with the check’s own photos', async () => {
    fakeFetch((_m, path) =>
      path === '/api/incidents/inc-1/photos'
        ? [200, [photo('p1', {}), photo('before', { createdAt: '2026-12-01T00:00:00.000Z' })]]
        : path.startsWith('/api/photos/')
          ? [200, {}]
          : undefined,
    );
    renderSignedIn(<LatestSiteCheck incident={incident(check)} />, deskUser('street_operator'));
    const box = screen.getByTestId('latest-site-check');
    expect(within(box).getByTestId('latest-site-check-result').textContent).toBe('未整改');
    expect(box.textContent).toContain('围挡仍未拆除');
    expect(box.textContent).toContain('王网格');
    // 08:37 UTC is 16:37 in China.
    expect(box.textContent).toContain('2026-12-02 16:37');
    await waitFor(() => expect(within(box).getAllByTestId('photo-thumb')).toHaveLength(1));
  });

  it('says when no check was made yet', () => {
    fakeFetch(() => undefined);
    renderSignedIn(<LatestSiteCheck incident={incident(null)} />, deskUser('street_operator'));
    expect(screen.getByTestId('site-check-none').textContent).toBe('网格员尚未现场核查');
  });
});

describe('checkPhotos', () => {
  it('keeps the checker’s photos made with or after the check, outside any dispatch', () => {
    const photos = [
      photo('mine', {}),
      photo('other-user', { uploadedById: 'someone' }),
      photo('dispatch', { dispatchId: 'd1' }),
      photo('earlier', { createdAt: '2026-12-02T08:00:00.000Z' }),
    ];
    expect(checkPhotos(photos, check).map((p) => p.id)).toEqual(['mine']);
  });
});
