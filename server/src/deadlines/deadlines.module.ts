import { AuditModule } from '../audit/audit.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeadlineScheduler } from './deadline-scheduler.service';
import { TimerRuleEntity } from './timer-rule.entity';
import { TimerRulesController } from './timer-rules.controller';
import { TimerRulesService } from './timer-rules.service';

@Module({
  imports: [TypeOrmModule.forFeature([TimerRuleEntity]), AuditModule],
  controllers: [TimerRulesController],
  providers: [TimerRulesService, DeadlineScheduler],
  exports: [TimerRulesService, DeadlineScheduler],
})
export class DeadlinesModule {}
