import { Module } from '@nestjs/common';
import { GridsModule } from '../grids/grids.module';
import { UsersModule } from '../users/users.module';
import { IncidentAccess } from './incident-access.service';
import { IncidentActionHooks } from './incident-action-hooks';
import { IncidentIntake } from './incident-intake';
import { IncidentPointsQuery } from './incident-points';
import { IncidentQueries } from './incident-queries.service';
import { IncidentsController } from './incidents.controller';
import { IncidentsService } from './incidents.service';
import { LikelyDuplicates } from './likely-duplicates';
import { SiteChecksService } from './site-checks.service';
import { StandingRegister } from './standing-register';
import { EventsModule } from '../events/events.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';

@Module({
  imports: [EventsModule, IdempotencyModule, GridsModule, UsersModule],
  controllers: [IncidentsController],
  providers: [
    IncidentsService,
    IncidentIntake,
    IncidentQueries,
    IncidentPointsQuery,
    IncidentAccess,
    LikelyDuplicates,
    SiteChecksService,
    IncidentActionHooks,
    StandingRegister,
  ],
  exports: [IncidentAccess, IncidentsService, IncidentActionHooks, LikelyDuplicates, StandingRegister],
})
export class IncidentsModule {}
