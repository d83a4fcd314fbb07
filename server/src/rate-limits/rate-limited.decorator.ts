import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import type { RateLimitGroup } from './rate-limit-groups';
import { RateLimitGuard } from './rate-limit.guard';

export const RATE_LIMIT_GROUP = 'whistle:rate-limit-group';

/**
 * The route counts against its group's limits (rate-limit-groups.ts), across every node (the
 * counters live in Redis). A route-level guard, so it runs after authentication: per-user limits
 * know the user.
 */
export const RateLimited = (group: RateLimitGroup): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(RATE_LIMIT_GROUP, group), UseGuards(RateLimitGuard));
