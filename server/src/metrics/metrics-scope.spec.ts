import { ForbiddenException } from '@nestjs/common';
import type { Role } from '@whistle/shared';
import type { AuthUser } from '../access/auth-user';
import { metricsScopeOf, summaryScopeOf } from './metrics-scope';

function user(role: Role, extra: Partial<AuthUser> = {}): AuthUser {
  return {
    id: 'u1',
    username: 'u1',
    role,
    districtId: 'd1',
    streetId: null,
    departmentId: null,
    sessionId: 's1',
    mustChangePassword: false,
    ...extra,
  };
}

describe('metricsScopeOf', () => {
  it.each<Role>(['district_operator', 'district_leader', 'admin'])('gives %s the district', (role) => {
    expect(metricsScopeOf(user(role, { streetId: 's1' }))).toEqual({ kind: 'district', districtId: 'd1' });
  });

  it('gives a street operator their street', () => {
    const scope = metricsScopeOf(user('street_operator', { streetId: 's1' }));
    expect(scope).toEqual({ kind: 'street', districtId: 'd1', streetId: 's1' });
    expect(summaryScopeOf(scope)).toEqual({ kind: 'street', id: 's1' });
  });

  it('gives a department officer their department', () => {
    const scope = metricsScopeOf(user('dept_officer', { departmentId: 'p1' }));
    expect(scope).toEqual({ kind: 'department', districtId: 'd1', departmentId: 'p1' });
    expect(summaryScopeOf(scope)).toEqual({ kind: 'department', id: 'p1' });
  });

  it('refuses grid workers and scoped roles without a scope', () => {
    expect(() => metricsScopeOf(user('grid_worker'))).toThrow(ForbiddenException);
    expect(() => metricsScopeOf(user('street_operator'))).toThrow(ForbiddenException);
    expect(() => metricsScopeOf(user('dept_officer'))).toThrow(ForbiddenException);
  });
});
