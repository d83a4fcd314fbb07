import { AuditModule } from '../audit/audit.module';
import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/inject-config';
import { GridsModule } from '../grids/grids.module';
import { AddressResolver } from './address-resolver.service';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { open311FormBody } from './form-body.middleware';
import { Open311ApiKey } from './open311-api-key.entity';
import { Open311Controller } from './open311.controller';
import { Open311Request } from './open311-request.entity';
import { Open311RequestsService } from './open311-requests.service';
import { Open311RateLimiter } from './rate-limiter';
import { EventsModule } from '../events/events.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';

/** Open311 GeoReport v2 intake (/open311/v2) and the admin's API keys (/api/open311-keys). */
@Module({
  imports: [
    EventsModule,
    IdempotencyModule,
    TypeOrmModule.forFeature([Open311ApiKey, Open311Request]),
    GridsModule,
    AuditModule,
  ],
  controllers: [Open311Controller, ApiKeysController],
  providers: [ApiKeysService, Open311RateLimiter, Open311RequestsService, AddressResolver],
})
export class Open311Module implements NestModule {
  constructor(@InjectConfig() private readonly config: AppConfig) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(open311FormBody(this.config.BODY_LIMIT)).forRoutes(Open311Controller);
  }
}
