import type { ApiErrorBody } from '@whistle/shared';
import { ApiError, authorizedFetch } from '../../api/client';
import type { PhotoSummary } from './desk-api';

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
