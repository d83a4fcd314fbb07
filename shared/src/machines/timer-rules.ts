import type { Priority, Stage, WhistleType } from '../domain/vocabulary';
import type { DispatchStatus } from './dispatch-machine';

/** Minutes allowed for each stage (DESIGN.md §3). */
export type StageLimits = Record<Stage, number>;

const MINUTE = 1;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const DEFAULT_TIMER_RULES: Record<WhistleType, StageLimits> = {
  emergency: { accept: 5 * MINUTE, arrive: 30 * MINUTE, resolve: 4 * HOUR },
  enforcement: { accept: 30 * MINUTE, arrive: 2 * HOUR, resolve: 3 * DAY },
  key_work: { accept: 2 * HOUR, arrive: 1 * DAY, resolve: 7 * DAY },
  tough: { accept: 30 * MINUTE, arrive: 1 * DAY, resolve: 15 * DAY },
};

export interface TimerRule {
  whistleType: WhistleType;
  /** `any`: applies to every priority that has no rule of its own. */
  priority: Priority | 'any';
  limits: StageLimits;
}

/** The most specific rule wins: (type, priority), then (type, any priority), then the defaults. */
export function resolveStageLimits(
  rules: readonly TimerRule[],
  type: WhistleType,
  priority: Priority,
): StageLimits {
  const exact = rules.find((r) => r.whistleType === type && r.priority === priority);
  const general = rules.find((r) => r.whistleType === type && r.priority === 'any');
  return (exact ?? general)?.limits ?? DEFAULT_TIMER_RULES[type];
}

export interface StageDeadlines {
  acceptBy: Date;
  arriveBy: Date;
  resolveBy: Date;
}

/** Deadlines are counted from the moment the whistle is blown, each stage on its own clock. */
export function stageDeadlines(from: Date, limits: StageLimits): StageDeadlines {
  const at = (minutes: number) => new Date(from.getTime() + minutes * 60_000);
  return { acceptBy: at(limits.accept), arriveBy: at(limits.arrive), resolveBy: at(limits.resolve) };
}

/** The stage whose deadline is running for a dispatch in `status`, if any. */
export function runningStage(status: DispatchStatus): Stage | null {
  switch (status) {
    case 'pending':
      return 'accept';
    case 'accepted':
      return 'arrive';
    case 'arrived':
    case 'reopened':
      return 'resolve';
    case 'resolved':
    case 'verified':
    case 'rejected':
    case 'cancelled':
      return null;
  }
}
