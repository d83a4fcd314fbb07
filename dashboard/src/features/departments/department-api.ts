import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateDepartmentRequest, DepartmentView, UpdateDepartmentRequest } from '@whistle/shared';
import { apiRequest } from '../../lib/api/client';
import { queryKeys } from '../../lib/api/query-keys';
import { useSignedIn } from '../session/SessionProvider';

/**
 * Creating or editing a department refetches the departments every screen reads (names, and the
 * whistle dialog's suggestions from their categories).
 */
function useDepartmentMutation<V>(call: (token: string, vars: V) => Promise<DepartmentView>) {
  const { token } = useSignedIn();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (vars: V) => call(token, vars),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.departments() }),
  });
}

export const useCreateDepartment = () =>
  useDepartmentMutation((token, vars: { body: CreateDepartmentRequest; idempotencyKey: string }) =>
    apiRequest<DepartmentView>('/departments', {
      token,
      method: 'POST',
      body: vars.body,
      idempotencyKey: vars.idempotencyKey,
    }),
  );

export const useUpdateDepartment = () =>
  useDepartmentMutation((token, vars: { id: string; body: UpdateDepartmentRequest }) =>
    apiRequest<DepartmentView>(`/departments/${vars.id}`, { token, method: 'PATCH', body: vars.body }),
  );
