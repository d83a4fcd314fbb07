import type { Role } from '@whistle/shared';

/** The authenticated principal, as carried in the access token and attached to requests and sockets. */
export interface AuthUser {
  id: string;
  username: string;
  role: Role;
  districtId: string;
  streetId: string | null;
  departmentId: string | null;
  /** The login this token belongs to; ending it ends the token. */
  sessionId: string;
  /** Set after an admin reset: until the user picks a new password, only that is allowed. */
  mustChangePassword: boolean;
}

export interface JwtClaims {
  sub: string;
  usr: string;
  role: Role;
  did: string;
  /** street id */
  str: string | null;
  dep: string | null;
  /** session id */
  sid: string;
  /** password change pending */
  pwc?: true;
}

export function claimsOf(user: AuthUser): JwtClaims {
  return {
    sub: user.id,
    usr: user.username,
    role: user.role,
    did: user.districtId,
    str: user.streetId,
    dep: user.departmentId,
    sid: user.sessionId,
    ...(user.mustChangePassword ? { pwc: true as const } : {}),
  };
}

export function userOfClaims(claims: JwtClaims): AuthUser {
  return {
    id: claims.sub,
    username: claims.usr,
    role: claims.role,
    districtId: claims.did,
    streetId: claims.str,
    departmentId: claims.dep,
    sessionId: claims.sid,
    mustChangePassword: claims.pwc === true,
  };
}
