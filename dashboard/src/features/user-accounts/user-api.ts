import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AdminUserView,
  CreateUserRequest,
  Page,
  Role,
  TemporaryPasswordResponse,
  UpdateUserRequest,
} from '@whistle/shared';
import { apiRequest } from '../../lib/api/client';
import { queryKeys } from '../../lib/api/query-keys';
import { useSignedIn } from '../session/SessionProvider';

export const USERS_PER_PAGE = 50;

export interface UserFilters {
  q: string;
  role: Role | '';
  active: '' | 'true' | 'false';
  page: number;
}

/** One page of accounts, searched by name and filtered by role and status (GET /api/users). */
export function useUserPage(filters: UserFilters) {
  const { token } = useSignedIn();
  return useQuery({
    queryKey: queryKeys.admin.userPage(filters),
    queryFn: () =>
      apiRequest<Page<AdminUserView>>('/users', {
        token,
        query: {
          q: filters.q.trim() || undefined,
          role: filters.role || undefined,
          active: filters.active || undefined,
          page: filters.page,
          limit: USERS_PER_PAGE,
        },
      }),
    placeholderData: keepPreviousData,
  });
}

/** Every list of accounts refetches after any change to one. */
function useUserMutation<V, R>(call: (token: string, vars: V) => Promise<R>) {
  const { token } = useSignedIn();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (vars: V) => call(token, vars),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.admin.users() }),
  });
}

export const useCreateUser = () =>
  useUserMutation((token, vars: { body: CreateUserRequest; idempotencyKey: string }) =>
    apiRequest<TemporaryPasswordResponse>('/users', {
      token,
      method: 'POST',
      body: vars.body,
      idempotencyKey: vars.idempotencyKey,
    }),
  );

export const useUpdateUser = () =>
  useUserMutation((token, vars: { id: string; body: UpdateUserRequest }) =>
    apiRequest<AdminUserView>(`/users/${vars.id}`, { token, method: 'PATCH', body: vars.body }),
  );

export const useResetPassword = () =>
  useUserMutation((token, id: string) =>
    apiRequest<TemporaryPasswordResponse>(`/users/${id}/password-reset`, { token, method: 'POST', body: {} }),
  );
