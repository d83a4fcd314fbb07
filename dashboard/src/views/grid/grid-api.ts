import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiErrorBody, CreatedIncidentView, IncidentView, Page, PhotoView } from '@whistle/shared';
import { ApiError, apiRequest, authorizedFetch } from '../../api/client';
import { useSignedIn } from '../../api/SessionProvider';
import { reportFormData, type ReportDraft } from './report-draft';

/** What POST /api/incidents/report answers: the new incident, its photos and likely duplicates. */
export type ReportAnswer = CreatedIncidentView & { photos: PhotoView[] };

const GRID_INCIDENTS = ['grid-worker', 'incidents'] as const;

/**
 * The report goes as multipart (the JSON client cannot send files). The browser sets the
 * multipart boundary itself, so no Content-Type header is given.
 */
export function useSubmitReport() {
  const { token } = useSignedIn();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (draft: ReportDraft): Promise<ReportAnswer> => {
      const response = await authorizedFetch(
        '/api/incidents/report',
        { method: 'POST', headers: { Accept: 'application/json' }, body: reportFormData(draft) },
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
