import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import {
  resolveStageLimits,
  type Priority,
  type StageLimits,
  type TimerRule,
  type WhistleType,
} from '@whistle/shared';
import type { AuditContext } from '../audit/audit-context';
import { AuditService } from '../audit/audit.service';
import { TimerRuleEntity } from './timer-rule.entity';

/** Rules change rarely and are read on every whistle: kept for a few seconds (other processes see an edit within that). */
const CACHE_MS = 10_000;

/** Timer rules from the database, falling back to DESIGN.md's defaults for types without a row. */
@Injectable()
export class TimerRulesService {
  private cache: { at: number; rules: TimerRule[] } | undefined;

  constructor(
    @InjectRepository(TimerRuleEntity) private readonly rules: Repository<TimerRuleEntity>,
    private readonly audit: AuditService,
  ) {}

  async list(manager: EntityManager = this.rules.manager): Promise<TimerRule[]> {
    const rows = await manager.find(TimerRuleEntity, { order: { whistleType: 'ASC', priority: 'ASC' } });
    const rules = rows.map((r) => ({
      whistleType: r.whistleType,
      priority: r.priority,
      limits: { accept: r.acceptMinutes, arrive: r.arriveMinutes, resolve: r.resolveMinutes },
    }));
    this.cache = { at: Date.now(), rules };
    return rules;
  }

  /** Pass the transaction's manager when inside one, so a refresh never waits for a second pool connection. */
  async limitsFor(type: WhistleType, priority: Priority, manager?: EntityManager): Promise<StageLimits> {
    const fresh =
      this.cache && Date.now() - this.cache.at < CACHE_MS ? this.cache.rules : await this.list(manager);
    return resolveStageLimits(fresh, type, priority);
  }

  /** Sets one rule; the change and its audit row (with the limits before) commit together. */
  async upsert(rule: TimerRule, actor: AuditContext): Promise<TimerRule[]> {
    await this.rules.manager.transaction(async (manager) => {
      const before = await manager.findOneBy(TimerRuleEntity, {
        whistleType: rule.whistleType,
        priority: rule.priority,
      });
      await manager.upsert(
        TimerRuleEntity,
        {
          whistleType: rule.whistleType,
          priority: rule.priority,
          acceptMinutes: rule.limits.accept,
          arriveMinutes: rule.limits.arrive,
          resolveMinutes: rule.limits.resolve,
        },
        ['whistleType', 'priority'],
      );
      await this.audit.record(
        {
          action: 'timer_rules.updated',
          context: actor,
          target: { type: 'timer_rule', id: `${rule.whistleType}/${rule.priority}` },
          details: {
            before: before
              ? { accept: before.acceptMinutes, arrive: before.arriveMinutes, resolve: before.resolveMinutes }
              : null,
            after: rule.limits,
          },
        },
        manager,
      );
    });
    return this.list();
  }
}
