import { ForbiddenException } from '@nestjs/common';
import type { MetricsSummary } from '@whistle/shared';
import type { AuthUser } from '../access/auth-user';

/** Whose numbers a summary covers. Every scope sits in a district, which its rankings span. */
export type MetricsScope =
  | { kind: 'district'; districtId: string }
  | { kind: 'street'; districtId: string; streetId: string }
  | { kind: 'department'; districtId: string; departmentId: string };

/** The scope a user may see: the district, their street or their department; grid workers none. */
export function metricsScopeOf(user: AuthUser): MetricsScope {
  switch (user.role) {
    case 'district_operator':
    case 'district_leader':
    case 'admin':
      return { kind: 'district', districtId: user.districtId };
    case 'street_operator':
      if (!user.streetId) throw new ForbiddenException('Street operator has no street');
      return { kind: 'street', districtId: user.districtId, streetId: user.streetId };
    case 'dept_officer':
      if (!user.departmentId) throw new ForbiddenException('Department officer has no department');
      return { kind: 'department', districtId: user.districtId, departmentId: user.departmentId };
    case 'grid_worker':
      throw new ForbiddenException('Grid workers have no metrics view');
  }
}

export function summaryScopeOf(scope: MetricsScope): MetricsSummary['scope'] {
  switch (scope.kind) {
    case 'district':
      return { kind: 'district', id: scope.districtId };
    case 'street':
      return { kind: 'street', id: scope.streetId };
    case 'department':
      return { kind: 'department', id: scope.departmentId };
  }
}
