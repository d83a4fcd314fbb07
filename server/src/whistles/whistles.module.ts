import { Module } from '@nestjs/common';
import { DepartmentsModule } from '../departments/departments.module';
import { IncidentsModule } from '../incidents/incidents.module';
import { UsersModule } from '../users/users.module';
import { WhistlesController } from './whistles.controller';
import { WhistlesService } from './whistles.service';
import { EventsModule } from '../events/events.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { TimerRulesModule } from '../timer-rules/timer-rules.module';

@Module({
  imports: [
    EventsModule,
    IdempotencyModule,
    TimerRulesModule,
    IncidentsModule,
    DepartmentsModule,
    UsersModule,
  ],
  controllers: [WhistlesController],
  providers: [WhistlesService],
})
export class WhistlesModule {}
