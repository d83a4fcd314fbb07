import type { Role } from '@whistle/shared';

/** The view each role lands on after login (issue 3: "the login picks the default view by role"). */
export const ROLE_HOME: Record<Role, string> = {
  street_operator: '/street',
  dept_officer: '/duty',
  district_leader: '/leaders',
  district_operator: '/desk',
  admin: '/admin',
  grid_worker: '/grid',
};
