import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Role } from '@whistle/shared';
import type { AuthUser } from './auth-user';

export const IS_PUBLIC = 'whistle:public';
export const ROLES_KEY = 'whistle:roles';
export const DURING_PASSWORD_CHANGE = 'whistle:during-password-change';

/** The route needs no token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route (scope is checked by the service). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

/** Callable while a password change is still owed (after an admin's reset): me, the change, logout. */
export const DuringPasswordChange = (): MethodDecorator & ClassDecorator =>
  SetMetadata(DURING_PASSWORD_CHANGE, true);

export type AuthedRequest = Request & { user?: AuthUser };

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  const user = ctx.switchToHttp().getRequest<AuthedRequest>().user;
  if (!user) throw new Error('CurrentUser used on a public route');
  return user;
});
