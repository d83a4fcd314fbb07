import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ROLES } from '@whistle/shared';
import { SessionsService } from '../sessions/sessions.service';
import { claimsOf, userOfClaims, type AuthUser, type JwtClaims } from '../access/auth-user';

export interface VerifiedToken {
  user: AuthUser;
  /** When the token stops being accepted (its `exp`). */
  expiresAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Issues and checks access tokens; HTTP guards and socket handshakes both verify through here. A
 * token is good only while it is signed, unexpired, well-formed AND its session is still live.
 */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly sessions: SessionsService,
  ) {}

  async issue(user: AuthUser): Promise<{ accessToken: string; expiresAt: string }> {
    const accessToken = await this.jwt.signAsync({ ...claimsOf(user) });
    const { exp } = this.jwt.decode<{ exp: number }>(accessToken);
    return { accessToken, expiresAt: new Date(exp * 1000).toISOString() };
  }

  /** The principal of a valid token, or null for a missing, expired, forged, malformed or ended one. */
  async verify(token: string | undefined): Promise<VerifiedToken | null> {
    if (!token) return null;
    let claims: JwtClaims & { exp?: number };
    try {
      claims = await this.jwt.verifyAsync<JwtClaims & { exp?: number }>(token);
    } catch {
      return null;
    }
    if (
      typeof claims.sub !== 'string' ||
      !UUID.test(claims.sub) ||
      typeof claims.sid !== 'string' ||
      !UUID.test(claims.sid) ||
      typeof claims.exp !== 'number' ||
      !(ROLES as readonly string[]).includes(claims.role)
    ) {
      return null;
    }
    if (!(await this.sessions.isActive(claims.sid, claims.sub))) return null;
    return { user: userOfClaims(claims), expiresAt: new Date(claims.exp * 1000) };
  }
}
