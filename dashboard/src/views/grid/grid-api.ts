import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  IDEMPOTENCY_KEY_HEADER,
  type ApiErrorBody,
  type CreatedIncidentView,
  type IncidentView,
  type Page,
  type PhotoView,
} from '@whistle/shared';
import { ApiError, apiRequest, authorizedFetch } from '../../api/client';
import { useSignedIn } from '../../api/SessionProvider';
import { useSubmissionKeys } from '../../api/idempotency-key';
import { reportFormData, type ReportDraft } from './report-draft';

/** What POST /api/incidents/report answers: the new incident, its photos and likely duplicates. */
export type ReportAnswer = CreatedIncidentView & { photos: PhotoView[] };

const GRID_INCIDENTS = ['grid-worker', 'incidents'] as const;

/**
 * The report goes as multipart (the JSON client cannot send files). The browser sets the
 * multipart boundary itself, so no Content-Type header is given. Sending the same draft again (a
 * retry on a bad connection) carries the same Idempotency-Key: one incident, however many tries.
 */
export function useSubmitReport() {
  const { token } = useSignedIn();
  const client = useQueryClient();
  const keys = useSubmissionKeys();
  return useMutation({
    mutationFn: async (draft: ReportDraft): Promise<ReportAnswer> => {
      const headers = { Accept: 'application/json', [IDEMPOTENCY_KEY_HEADER]: keys.keyFor(draft) };
      const response = await authorizedFetch(
        '/api/incidents/report',
        { method: 'POST', headers, body: reportFormData(draft) },
        token,
      );
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as ApiErrorBody | null;
        throw new ApiError(response.status, body);
      }
      return (await response.json()) as ReportAnswer;
    },
    onSuccess: () => client.invalidateQueries({ queryKey: GRID_INCIDENTS }),
  });
}

/**
 * The incidents a grid worker may see: those in their grids and those they reported, newest first.
 * 500 is far more than a worker's few grids hold open at once.
 */
export function useGridIncidents() {
  const { token } = useSignedIn();
  return useQuery({
    queryKey: GRID_INCIDENTS,
    queryFn: () => apiRequest<Page<IncidentView>>('/incidents', { token, query: { limit: 500 } }),
  });
}
