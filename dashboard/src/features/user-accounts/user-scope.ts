import type { Role } from '@whistle/shared';

/** The one scope field each role needs (DESIGN §2); district-wide roles need none. */
export type ScopeField = 'streetId' | 'departmentId' | 'gridIds' | null;

const SCOPE_FIELD: Record<Role, ScopeField> = {
  street_operator: 'streetId',
  dept_officer: 'departmentId',
  grid_worker: 'gridIds',
  district_operator: null,
  district_leader: null,
  admin: null,
};

export function scopeFieldOf(role: Role): ScopeField {
  return SCOPE_FIELD[role];
}

export interface ScopeValues {
  streetId: string;
  departmentId: string;
  gridIds: string[];
}

/** The scope fields to send for a role: its own field, and the others emptied (the server insists). */
export function scopeBody(role: Role, values: ScopeValues) {
  const field = scopeFieldOf(role);
  return {
    streetId: field === 'streetId' ? values.streetId || null : null,
    departmentId: field === 'departmentId' ? values.departmentId || null : null,
    gridIds: field === 'gridIds' ? values.gridIds : [],
  };
}
