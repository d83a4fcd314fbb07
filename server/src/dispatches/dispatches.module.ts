import { Module } from '@nestjs/common';
import { AdmissionModule } from '../admission/admission.module';
import { DepartmentsModule } from '../departments/departments.module';
import { GridsModule } from '../grids/grids.module';
import { DispatchQueries } from './dispatch-queries.service';
import { DispatchesController } from './dispatches.controller';
import { DispatchesService } from './dispatches.service';
import { IncidentActionRules } from './incident-action-rules';
import { OpenDispatchStates } from './open-dispatch-states';
import { OverdueService } from './overdue.service';
import { OversightService } from './oversight.service';
import { TasksService } from './tasks.service';
import { EventsModule } from '../events/events.module';
import { IncidentsModule } from '../incidents/incidents.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { TimerRulesModule } from '../timer-rules/timer-rules.module';
import { ObservabilityModule } from '../observability/observability.module';

@Module({
  imports: [
    EventsModule,
    IdempotencyModule,
    IncidentsModule,
    TimerRulesModule,
    ObservabilityModule,
    AdmissionModule,
    GridsModule,
    DepartmentsModule,
  ],
  controllers: [DispatchesController],
  providers: [
    DispatchesService,
    DispatchQueries,
    TasksService,
    OverdueService,
    OversightService,
    OpenDispatchStates,
    IncidentActionRules,
  ],
  // For the deadline timers: what they fire, and what they are rebuilt from.
  exports: [OverdueService, OpenDispatchStates],
})
export class DispatchesModule {}
