import type { Role } from '@whistle/shared';

/** The authenticated principal, as carried in the JWT and attached to requests and sockets. */
export interface AuthUser {
  id: string;
  role: Role;
  districtId: string;
  streetId: string | null;
  departmentId: string | null;
}

export interface JwtClaims {
  sub: string;
  role: Role;
  did: string;
  sid: string | null;
  dep: string | null;
}

export function claimsOf(user: AuthUser): JwtClaims {
  return { sub: user.id, role: user.role, did: user.districtId, sid: user.streetId, dep: user.departmentId };
}

export function userOfClaims(claims: JwtClaims): AuthUser {
  return {
    id: claims.sub,
    role: claims.role,
    districtId: claims.did,
    streetId: claims.sid,
    departmentId: claims.dep,
  };
}
