import {
  resolveStageLimits,
  type Priority,
  type StageLimits,
  type TimerRule,
  type WhistleType,
} from '@whistle/shared';
import { timerRuleSeeds } from '../demo-data';

const RULES: readonly TimerRule[] = timerRuleSeeds().map((r) => ({
  whistleType: r.whistleType,
  priority: r.priority,
  limits: { accept: r.acceptMinutes, arrive: r.arriveMinutes, resolve: r.resolveMinutes },
}));

/**
 * The stage limits the services will apply: the demo's timer rules, which seedReference has just
 * written, resolved exactly as TimerRulesService does. The runner checks them against what the
 * services actually used.
 */
export function demoLimits(type: WhistleType, priority: Priority): StageLimits {
  return resolveStageLimits(RULES, type, priority);
}
