import {
  DEFAULT_TIMER_RULES,
  PRIORITIES,
  WHISTLE_TYPES,
  type Priority,
  type StageLimits,
  type TimerRule,
  type WhistleType,
} from '@whistle/shared';

/** Where a row's limits come from: its own rule, its type's "any" rule, or the built-in defaults. */
export type RuleSource = 'rule' | 'any' | 'default';

export interface RuleRow {
  whistleType: WhistleType;
  priority: Priority | 'any';
  limits: StageLimits;
  source: RuleSource;
}

/**
 * Every (type, priority) pair with the limits a whistle would get, the "any" row first per type:
 * the whole rule table at a glance, whether or not a row has been set.
 */
export function ruleRows(rules: readonly TimerRule[]): RuleRow[] {
  return WHISTLE_TYPES.flatMap((whistleType) => {
    const general = rules.find((r) => r.whistleType === whistleType && r.priority === 'any');
    const anyRow: RuleRow = general
      ? { ...general, source: 'rule' }
      : { whistleType, priority: 'any', limits: DEFAULT_TIMER_RULES[whistleType], source: 'default' };
    const byPriority = PRIORITIES.map((priority): RuleRow => {
      const exact = rules.find((r) => r.whistleType === whistleType && r.priority === priority);
      if (exact) return { ...exact, source: 'rule' };
      return { whistleType, priority, limits: anyRow.limits, source: general ? 'any' : 'default' };
    });
    return [anyRow, ...byPriority];
  });
}
