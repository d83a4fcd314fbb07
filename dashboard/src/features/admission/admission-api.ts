import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api/client';
import { queryKeys } from '../../lib/api/query-keys';
import { useSignedIn } from '../session/SessionProvider';

export interface AdmissionList {
  streetId: string;
  categories: string[];
}

/** A street's admission list 准入清单 (GET /api/streets/:id/admission-list). */
export function useAdmissionList(streetId: string | null) {
  const { token } = useSignedIn();
  return useQuery({
    queryKey: queryKeys.streets.admissionList(streetId ?? 'none'),
    queryFn: () => apiRequest<AdmissionList>(`/streets/${streetId ?? ''}/admission-list`, { token }),
    enabled: streetId !== null,
  });
}

/** Replaces a street's list whole (PUT); the answer becomes the cached list. */
export function useSaveAdmissionList() {
  const { token } = useSignedIn();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (list: AdmissionList) =>
      apiRequest<AdmissionList>(`/streets/${list.streetId}/admission-list`, {
        token,
        method: 'PUT',
        body: { categories: list.categories },
      }),
    onSuccess: (saved) => client.setQueryData(queryKeys.streets.admissionList(saved.streetId), saved),
  });
}
