import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  TypeOrmHealthIndicator,
  type HealthCheckResult,
} from '@nestjs/terminus';
import { Public } from '../access/decorators';
import { RedisHealthIndicator } from './redis-health.indicator';

/** Each dependency must answer within this long for the process to count as ready. */
const DEPENDENCY_TIMEOUT_MS = 1_000;

/**
 * Liveness and readiness for load balancers and orchestrators. Liveness asks nothing of PostgreSQL
 * or Redis: an outage of theirs must not get healthy processes restarted, which would only add a
 * cold start to it. Readiness is what decides whether a process gets traffic.
 */
@ApiTags('observability')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  /** The process is up and its event loop answers: 200, whatever its dependencies do. */
  @Get('live')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /** 200 when PostgreSQL and Redis both answer in time, else 503 naming what is down. */
  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.readiness();
  }

  /** Readiness under its original name, which deployments and scripts already probe. */
  @Get()
  @HealthCheck()
  check(): Promise<HealthCheckResult> {
    return this.readiness();
  }

  private async readiness(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.database.pingCheck('database', { timeout: DEPENDENCY_TIMEOUT_MS }),
        () => this.redis.pingCheck('redis'),
      ]);
    } catch (err) {
      // Re-thrown with a message naming what is down; the API error filter keeps `status` and
      // `details` and adds Retry-After.
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
