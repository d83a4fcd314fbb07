import { Module } from '@nestjs/common';
import { DepartmentsModule } from '../departments/departments.module';
import { IncidentsModule } from '../incidents/incidents.module';
import { StreetsModule } from '../streets/streets.module';
import { WhistlesController } from './whistles.controller';
import { WhistlesService } from './whistles.service';
import { EventsModule } from '../events/events.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';

@Module({
  imports: [
    EventsModule,
    IdempotencyModule,
    DeadlinesModule,
    IncidentsModule,
    DepartmentsModule,
    StreetsModule,
  ],
  controllers: [WhistlesController],
  providers: [WhistlesService],
})
export class WhistlesModule {}
