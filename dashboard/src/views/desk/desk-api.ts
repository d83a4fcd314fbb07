import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IncidentDetail, IncidentView, NamedView, TimerRule } from '@whistle/shared';
import { ApiError, apiRequest } from '../../api/client';
import { useSignedIn } from '../../api/SessionProvider';
import { useSubmissionKeys } from '../../api/idempotency-key';

/**
 * What the duplicate check answers with (contracts: `likelyDuplicates: IncidentSummary[]`).
 * Typed by the fields the consoles read, so a summary or a full view both fit.
 */
export type DuplicateSummary = Pick<IncidentView, 'id' | 'title' | 'category' | 'status' | 'createdAt'> & {
  distanceMeters?: number;
};

export type IncidentDetailWithDuplicates = IncidentDetail & { likelyDuplicates?: DuplicateSummary[] };
export type CreatedIncident = IncidentView & { likelyDuplicates?: DuplicateSummary[] };

/** A photo as the photos endpoints describe it (contracts.md `PhotoView`). */
export interface PhotoSummary {
  id: string;
  incidentId: string;
  dispatchId: string | null;
  contentType: string;
  thumbnailUrl: string;
  url: string;
  createdAt: string;
}

export const deskKeys = {
  incident: (id: string) => ['incident', id] as const,
  photos: (id: string) => ['photos', id] as const,
  timerRules: ['timer-rules'] as const,
  admission: (streetId: string) => ['admission', streetId] as const,
  communities: (streetId: string) => ['communities', streetId] as const,
  communityShapes: ['boundaries', 'communities'] as const,
};

/** Answers null instead of failing when an endpoint is not there (yet): a 404 means "no such data". */
async function orNullOn404<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function useIncidentDetail(id: string | null) {
  const { token } = useSignedIn();
  return useQuery({
    queryKey: deskKeys.incident(id ?? 'none'),
    queryFn: () => apiRequest<IncidentDetailWithDuplicates>(`/incidents/${id ?? ''}`, { token }),
    enabled: id !== null,
  });
}

export function usePhotos(incidentId: string | null) {
  const { token } = useSignedIn();
  return useQuery({
    queryKey: deskKeys.photos(incidentId ?? 'none'),
    queryFn: async () =>
      (await orNullOn404(apiRequest<PhotoSummary[]>(`/incidents/${incidentId ?? ''}/photos`, { token }))) ??
      [],
    enabled: incidentId !== null,
  });
}

const REFERENCE = Number.POSITIVE_INFINITY;

export function useTimerRules() {
  const { token } = useSignedIn();
  return useQuery({
    queryKey: deskKeys.timerRules,
    queryFn: () => apiRequest<TimerRule[]>('/timer-rules', { token }),
    staleTime: REFERENCE,
  });
}

export function useAdmissionList(streetId: string | null) {
  const { token } = useSignedIn();
  return useQuery({
    queryKey: deskKeys.admission(streetId ?? 'none'),
    queryFn: () =>
      apiRequest<{ streetId: string; categories: string[] }>(`/streets/${streetId ?? ''}/admission-list`, {
        token,
      }),
    enabled: streetId !== null,
    staleTime: REFERENCE,
  });
}

export function useCommunities(streetId: string | null) {
  const { token } = useSignedIn();
  return useQuery({
    queryKey: deskKeys.communities(streetId ?? 'none'),
    queryFn: () => apiRequest<NamedView[]>(`/streets/${streetId ?? ''}/communities`, { token }),
    enabled: streetId !== null,
    staleTime: REFERENCE,
  });
}

export interface CommunityShape {
  properties: { id: string; streetId?: string };
  geometry: { type: string; coordinates: unknown };
}

/** Community outlines, for "use the community's centre"; null when the server has no boundaries API. */
export function useCommunityShapes() {
  const { token } = useSignedIn();
  return useQuery({
    queryKey: deskKeys.communityShapes,
    queryFn: () =>
      orNullOn404(apiRequest<{ features: CommunityShape[] }>('/boundaries/communities', { token })),
    staleTime: REFERENCE,
  });
}

/**
 * A POST whose answer changes lists and the open detail: every dispatch and incident query is
 * refetched afterwards, so the state shown is the server's, not a guess. `creates`: the POST
 * creates something, so it carries an Idempotency-Key, the same for a resubmit of the same thing.
 */
export function useDeskPost<TBody, TResult>(
  path: (vars: TBody) => string,
  body?: (vars: TBody) => unknown,
  options: { creates?: boolean } = {},
) {
  const { token } = useSignedIn();
  const client = useQueryClient();
  const keys = useSubmissionKeys();
  return useMutation<TResult, unknown, TBody>({
    mutationFn: (vars) => {
      const request = { path: path(vars), body: body ? body(vars) : {} };
      return apiRequest<TResult>(request.path, {
        token,
        method: 'POST',
        body: request.body,
        idempotencyKey: options.creates ? keys.keyFor(request) : undefined,
      });
    },
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: ['dispatches'] }),
        client.invalidateQueries({ queryKey: ['incidents'] }),
        client.invalidateQueries({ queryKey: ['incident'] }),
        client.invalidateQueries({ queryKey: ['photos'] }),
      ]);
    },
  });
}
