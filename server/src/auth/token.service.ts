import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ROLES } from '@whistle/shared';
import { claimsOf, userOfClaims, type AuthUser, type JwtClaims } from './auth-user';

/** Issues and checks access tokens; HTTP guards and socket handshakes both verify through here. */
@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  issue(user: AuthUser): Promise<string> {
    return this.jwt.signAsync({ ...claimsOf(user) });
  }

  /** The principal of a valid token, or null for a missing, expired, forged or malformed one. */
  async verify(token: string | undefined): Promise<AuthUser | null> {
    if (!token) return null;
    try {
      const claims = await this.jwt.verifyAsync<JwtClaims>(token);
      if (typeof claims.sub !== 'string' || !(ROLES as readonly string[]).includes(claims.role)) return null;
      return userOfClaims(claims);
    } catch {
      return null;
    }
  }
}
