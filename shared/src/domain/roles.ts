/** Who a user is (DESIGN.md §2). The role decides what a user may do; the scope decides where. */
export const ROLES = [
  'street_operator',
  'dept_officer',
  'grid_worker',
  'district_operator',
  'district_leader',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that see and act across the whole district. */
export const DISTRICT_WIDE_ROLES: readonly Role[] = ['district_operator', 'district_leader', 'admin'];

export function isDistrictWide(role: Role): boolean {
  return DISTRICT_WIDE_ROLES.includes(role);
}
