import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  IDEMPOTENCY_KEY_HEADER,
  type ApiErrorBody,
  type CreatedIncidentView,
  type PhotoView,
} from '@whistle/shared';
import { ApiError, authorizedFetch } from '../../lib/api/client';
import { useSubmissionKeys } from '../../lib/api/idempotency-key';
import { queryKeys } from '../../lib/api/query-keys';
import { useSignedIn } from '../session/SessionProvider';
import { reportFormData, type ReportDraft } from './report-draft';

/** What POST /api/incidents/report answers: the new incident, its photos and likely duplicates. */
export type ReportAnswer = CreatedIncidentView & { photos: PhotoView[] };

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
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.incidents.gridWorkerList() }),
  });
}
