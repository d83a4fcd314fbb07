import type { Role } from '@whistle/shared';

/** Where a user of a role works: what their scope fields must hold (DESIGN.md §2). */
export interface UserScope {
  role: Role;
  streetId: string | null;
  departmentId: string | null;
  gridIds: readonly string[];
}

/** Field-level problems with a scope: each role needs its own field and no other. */
export function scopeProblems(scope: UserScope): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  const need = (field: keyof UserScope, ok: boolean, message: string) => {
    if (!ok) fields[field] = [...(fields[field] ?? []), message];
  };
  const street = scope.role === 'street_operator';
  const dept = scope.role === 'dept_officer';
  const grid = scope.role === 'grid_worker';
  need(
    'streetId',
    street === (scope.streetId !== null),
    street ? 'is required for a street operator' : `must be empty for role ${scope.role}`,
  );
  need(
    'departmentId',
    dept === (scope.departmentId !== null),
    dept ? 'is required for a department officer' : `must be empty for role ${scope.role}`,
  );
  need(
    'gridIds',
    grid === scope.gridIds.length > 0,
    grid ? 'needs at least one grid for a grid worker' : `must be empty for role ${scope.role}`,
  );
  return fields;
}

/** Whether two scopes differ in anything a token carries or rooms derive from. */
export function scopeChanged(a: UserScope, b: UserScope): boolean {
  const grids = (s: UserScope) => [...s.gridIds].sort().join(',');
  return (
    a.role !== b.role ||
    a.streetId !== b.streetId ||
    a.departmentId !== b.departmentId ||
    grids(a) !== grids(b)
  );
}
