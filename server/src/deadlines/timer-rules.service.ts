import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import {
  resolveStageLimits,
  type Priority,
  type StageLimits,
  type TimerRule,
  type WhistleType,
} from '@whistle/shared';
import { TimerRuleEntity } from './timer-rule.entity';

/** Timer rules from the database, falling back to DESIGN.md's defaults for types without a row. */
@Injectable()
export class TimerRulesService {
  constructor(@InjectRepository(TimerRuleEntity) private readonly rules: Repository<TimerRuleEntity>) {}

  async list(): Promise<TimerRule[]> {
    const rows = await this.rules.find({ order: { whistleType: 'ASC', priority: 'ASC' } });
    return rows.map((r) => ({
      whistleType: r.whistleType,
      priority: r.priority,
      limits: { accept: r.acceptMinutes, arrive: r.arriveMinutes, resolve: r.resolveMinutes },
    }));
  }

  async limitsFor(type: WhistleType, priority: Priority): Promise<StageLimits> {
    return resolveStageLimits(await this.list(), type, priority);
  }

  async upsert(rule: TimerRule): Promise<TimerRule[]> {
    await this.rules.upsert(
      {
        whistleType: rule.whistleType,
        priority: rule.priority,
        acceptMinutes: rule.limits.accept,
        arriveMinutes: rule.limits.arrive,
        resolveMinutes: rule.limits.resolve,
      },
      ['whistleType', 'priority'],
    );
    return this.list();
  }
}
