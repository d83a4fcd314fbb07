import { Injectable, Logger, ServiceUnavailableException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerException,
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { Response } from 'express';
import { AuditService } from '../audit/audit.service';
import { auditContextOf } from '../audit/audit-context';
import type { AuthedRequest } from '../access/decorators';

/** How long a client is asked to wait when the counters cannot be reached. */
const OUTAGE_RETRY_SECONDS = 5;

/**
 * @nestjs/throttler's guard with the answers Whistle gives: a plain `Retry-After` on 429, a 503
 * (never a 500) when Redis is unreachable, and the first refused login of a block in the audit log.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  private readonly log = new Logger(RateLimitGuard.name);

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly audit: AuditService,
  ) {
    super(options, storage, reflector);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    try {
      return await super.canActivate(context);
    } catch (err) {
      if (err instanceof ThrottlerException) throw err;
      this.log.warn(`rate limits unavailable: ${err instanceof Error ? err.message : String(err)}`);
      context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(OUTAGE_RETRY_SECONDS));
      throw new ServiceUnavailableException('Rate limits are unavailable (Redis); try again shortly');
    }
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    res.setHeader('Retry-After', String(Math.max(1, detail.timeToBlockExpire)));
    // Only the attempt that started the block: a flood of refused attempts must not flood the log.
    if (detail.totalHits === detail.limit + 1 && req.path.endsWith('/auth/login')) {
      const username =
        typeof (req.body as { username?: unknown } | undefined)?.username === 'string'
          ? (req.body as { username: string }).username
          : null;
      await this.audit
        .record({
          action: 'auth.login.throttled',
          context: { ...auditContextOf(req), actorUsername: username },
          details: {
            limit: detail.limit,
            windowSeconds: Math.round(detail.ttl / 1000),
            blockedSeconds: detail.timeToBlockExpire,
          },
        })
        .catch((err: unknown) => this.log.error(`audit of a throttled login failed: ${String(err)}`));
    }
    throw new ThrottlerException('Too many attempts; try again later');
  }
}
