import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  TypeOrmHealthIndicator,
  type HealthCheckResult,
} from '@nestjs/terminus';
import { Public } from '../auth/decorators';
import { RedisHealthIndicator } from './redis-health.indicator';

/** Liveness for load balancers and orchestrators: 200 when PostgreSQL and Redis answer, else 503. */
@ApiTags('observability')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  async check(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.database.pingCheck('database', { timeout: 1_000 }),
        () => this.redis.pingCheck('redis'),
      ]);
    } catch (err) {
      // Re-thrown with a message naming what is down; the API error filter keeps `status` and `details`.
      if (err instanceof ServiceUnavailableException) {
        const result = err.getResponse() as HealthCheckResult;
        const down = Object.keys(result.error ?? {}).join(', ') || 'unknown';
        throw new ServiceUnavailableException({
          status: 'error',
          message: `Unhealthy: ${down}`,
          details: result.details,
        });
      }
      throw err;
    }
  }
}
