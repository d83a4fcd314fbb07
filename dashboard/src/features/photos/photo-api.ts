import { useQuery } from '@tanstack/react-query';
import type { ApiErrorBody } from '@whistle/shared';
import { ApiError, apiRequest, authorizedFetch } from '../../lib/api/client';
import { queryKeys } from '../../lib/api/query-keys';
import { useSignedIn } from '../session/SessionProvider';

/** A photo as the photos endpoints describe it (contracts.md `PhotoView`). */
export interface PhotoSummary {
  id: string;
  incidentId: string;
  dispatchId: string | null;
  contentType: string;
  thumbnailUrl: string;
  url: string;
  /** Who uploaded it: a grid worker's site-check photos are told apart by it. */
  uploadedById: string;
  createdAt: string;
}

/** The incident's photos; an absent photos endpoint (404) means none rather than an error. */
export function usePhotos(incidentId: string | null) {
  const { token } = useSignedIn();
  return useQuery({
    queryKey: queryKeys.photos.ofIncident(incidentId ?? 'none'),
    queryFn: async () => {
      try {
        return await apiRequest<PhotoSummary[]>(`/incidents/${incidentId ?? ''}/photos`, { token });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return [];
        throw error;
      }
    },
    enabled: incidentId !== null,
  });
}

/** Uploads photos as multipart (the JSON client cannot); `dispatchId` ties them to a resolution. */
export async function uploadPhotos(
  token: string,
  incidentId: string,
  files: readonly File[],
  dispatchId?: string,
): Promise<PhotoSummary[]> {
  const form = new FormData();
  for (const file of files) form.append('photos', file);
  if (dispatchId) form.append('dispatchId', dispatchId);
  const response = await authorizedFetch(
    `/api/incidents/${incidentId}/photos`,
    { method: 'POST', headers: { Accept: 'application/json' }, body: form },
    token,
  );
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as ApiErrorBody | null;
    throw new ApiError(response.status, body);
  }
  return (await response.json()) as PhotoSummary[];
}

/** Image bytes need the bearer header, so an <img src> cannot fetch them; an object URL can show them. */
export async function fetchObjectUrl(token: string, apiPath: string): Promise<string> {
  const path = apiPath.startsWith('/api/') ? apiPath : `/api${apiPath}`;
  const response = await authorizedFetch(path, {}, token);
  if (!response.ok) throw new ApiError(response.status, null);
  return URL.createObjectURL(await response.blob());
}
