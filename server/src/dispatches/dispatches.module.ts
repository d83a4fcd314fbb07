import { Module } from '@nestjs/common';
import { AdmissionModule } from '../admission/admission.module';
import { GridsModule } from '../grids/grids.module';
import { DispatchQueries } from './dispatch-queries.service';
import { DispatchesController } from './dispatches.controller';
import { DispatchesService } from './dispatches.service';
import { TasksService } from './tasks.service';
import { EventsModule } from '../events/events.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { ObservabilityModule } from '../observability/observability.module';

@Module({
  imports: [
    EventsModule,
    IdempotencyModule,
    DeadlinesModule,
    ObservabilityModule,
    AdmissionModule,
    GridsModule,
  ],
  controllers: [DispatchesController],
  providers: [DispatchesService, DispatchQueries, TasksService],
})
export class DispatchesModule {}
