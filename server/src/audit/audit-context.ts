import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthedRequest } from '../access/decorators';

/** Who is acting and from where: what every audit row records about its request. */
export interface AuditContext {
  actorId: string | null;
  actorUsername: string | null;
  ip: string | null;
}

export function auditContextOf(req: AuthedRequest): AuditContext {
  return { actorId: req.user?.id ?? null, actorUsername: req.user?.username ?? null, ip: req.ip ?? null };
}

/** The request's audit context; works on public routes too (no actor). */
export const Audit = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuditContext =>
  auditContextOf(ctx.switchToHttp().getRequest<AuthedRequest>()),
);
