import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiErrorBody, IncidentDetail, SiteCheckRequest, SiteCheckView } from '@whistle/shared';
import { ApiError, apiRequest, authorizedFetch } from '../../lib/api/client';
import { useSubmissionKeys } from '../../lib/api/idempotency-key';
import { queryKeys } from '../../lib/api/query-keys';
import { useSignedIn } from '../session/SessionProvider';
import type { SiteCheckDraft } from './site-check';

/** What a submitted check answers; photos go after the check, and may fail on their own. */
export interface SiteCheckAnswer {
  check: SiteCheckView;
  photosFailed: boolean;
}

/** The incident's latest on-site check, from its detail (the list view does not carry it). */
export function useLastSiteCheck(incidentId: string) {
  const { token } = useSignedIn();
  return useQuery({
    queryKey: queryKeys.incidents.gridWorkerDetail(incidentId),
    queryFn: () => apiRequest<IncidentDetail>(`/incidents/${incidentId}`, { token }),
    select: (detail) => detail.lastSiteCheck ?? null,
  });
}

/**
 * Sends the check, then the photos (multipart, as the report does). The check goes first: it is
 * what the street waits for, and the server refuses it (409) if the incident moved on meanwhile,
 * before any photo was uploaded.
 */
export function useSubmitSiteCheck(incidentId: string) {
  const { token } = useSignedIn();
  const client = useQueryClient();
  const keys = useSubmissionKeys();
  return useMutation({
    mutationFn: async (draft: SiteCheckDraft): Promise<SiteCheckAnswer> => {
      const note = draft.note.trim();
      const body: SiteCheckRequest = { fixed: draft.fixed === true, ...(note ? { note } : {}) };
      // The key follows the whole draft: a retry after the photos failed finds its check already in.
      const check = await apiRequest<SiteCheckView>(`/incidents/${incidentId}/site-checks`, {
        token,
        method: 'POST',
        body,
        idempotencyKey: keys.keyFor({ incidentId, ...draft }),
      });
      if (draft.photos.length === 0) return { check, photosFailed: false };
      const form = new FormData();
      for (const photo of draft.photos) form.append('photos', photo, photo.name);
      const response = await authorizedFetch(
        `/api/incidents/${incidentId}/photos`,
        { method: 'POST', headers: { Accept: 'application/json' }, body: form },
        token,
      ).catch(() => null);
      // Still 401 after a renewal: the session has ended (the app is signing out).
      if (response?.status === 401) {
        const error = (await response.json().catch(() => null)) as ApiErrorBody | null;
        throw new ApiError(401, error);
      }
      return { check, photosFailed: !response?.ok };
    },
    onSuccess: ({ check }) =>
      client.setQueryData<IncidentDetail>(queryKeys.incidents.gridWorkerDetail(incidentId), (detail) =>
        detail ? { ...detail, lastSiteCheck: check } : detail,
      ),
  });
}
