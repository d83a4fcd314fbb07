import { Module } from '@nestjs/common';
import { GridsModule } from '../grids/grids.module';
import { RateLimitsModule } from '../rate-limits/rate-limits.module';
import { HotlineController } from './hotline.controller';
import { HotlineImportService } from './hotline-import.service';
import { HotlineOrdersService } from './hotline-orders.service';
import { HotlinePlaces } from './hotline-places.service';
import { EventsModule } from '../events/events.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';

/** 12345 hotline work orders: batch import, single-order webhook, satisfaction call-backs. */
@Module({
  imports: [EventsModule, IdempotencyModule, GridsModule, RateLimitsModule],
  controllers: [HotlineController],
  providers: [HotlineImportService, HotlineOrdersService, HotlinePlaces],
})
export class HotlineModule {}
