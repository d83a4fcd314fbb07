import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { TimerRuleEntity } from './timer-rule.entity';
import { TimerRulesController } from './timer-rules.controller';
import { TimerRulesService } from './timer-rules.service';

/** How long each stage may take, per whistle type and priority: read on every whistle, edited by admins. */
@Module({
  imports: [TypeOrmModule.forFeature([TimerRuleEntity]), AuditModule],
  controllers: [TimerRulesController],
  providers: [TimerRulesService],
  exports: [TimerRulesService],
})
export class TimerRulesModule {}
