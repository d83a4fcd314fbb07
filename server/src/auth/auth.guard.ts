import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@whistle/shared';
import { DURING_PASSWORD_CHANGE, IS_PUBLIC, ROLES_KEY, type AuthedRequest } from '../access/decorators';
import { TokenService } from './token.service';

/**
 * Global guard: a bearer token of a live session is required unless @Public(); @Roles narrows who
 * may call; a user who owes a password change may only make it (and sign out).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
    const verified = await this.tokens.verify(token);
    if (!verified)
      throw new UnauthorizedException(token ? 'Invalid or expired token' : 'Missing bearer token');
    const user = verified.user;
    req.user = user;
    if (
      user.mustChangePassword &&
      !this.reflector.getAllAndOverride<boolean>(DURING_PASSWORD_CHANGE, targets)
    ) {
      throw new ForbiddenException({
        message: 'Choose a new password first (POST /api/auth/password)',
        code: 'password_change_required',
      });
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(user.role)) {
      throw new ForbiddenException(`Role ${user.role} may not do this; allowed: ${roles.join(', ')}`);
    }
    return true;
  }
}
