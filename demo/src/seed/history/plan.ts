import type { Stage } from '@whistle/shared';
import { beijingHour, DAY, Draw, HOUR, MINUTE } from './draw';
import { planDuplicate, planTask } from './plan-extras';
import {
  planStreetIncident,
  type DraftStep,
  type IncidentDraft,
  type IncidentTiming,
  type PlanContext,
} from './plan-incident';
import { demoLimits } from './plan-limits';
import type { HistoryPlan, PlanOptions, Step } from './plan-types';

/**
 * The default history: two weeks of a busy district. Every registered report needs a whistle to be
 * closed (the services have no "handled by the street itself" path), so repeat reports merged into
 * an open matter and refusals make up the reports that are never whistled.
 */
export const HISTORY_DEFAULTS = {
  seed: 'qinhuai-history',
  days: 14,
  incidents: 240,
  duplicates: 50,
  tasks: 10,
  overdueRepeatSeconds: 900,
} as const;

/** Tasks a street accepts; the rest are off its admission list and sent back. */
const TASKS_ADMITTED_SHARE = 0.7;

/**
 * Incidents whose first department sits on one stage past its deadline when the history ends, so
 * the server's deadline worker fires their overdue notices as it starts: (stage, overdue by ms range).
 */
const STALLED: readonly (readonly [Stage, number, number])[] = [
  ['accept', 20 * MINUTE, 150 * MINUTE],
  ['arrive', 40 * MINUTE, 6 * HOUR],
  ['resolve', 2 * HOUR, 30 * HOUR],
  ['accept', 20 * MINUTE, 150 * MINUTE],
  ['arrive', 40 * MINUTE, 6 * HOUR],
  ['resolve', 2 * HOUR, 30 * HOUR],
];
/** Every 40th report, from the 18th on, is one of the stalled ones. */
const STALL_EVERY = 40;
const STALL_OFFSET = 17;
/** Every 30th, from the 12th on, is a long-standing matter escalated with a tough-problem whistle. */
const TOUGH_EVERY = 30;
const TOUGH_OFFSET = 11;

/** Nothing is planned in the last minutes, so the runner never stamps a time after "now". */
const QUIET_END = 2 * MINUTE;

/** Reports by hour of day (Beijing): the day shift sees most, the small hours few. */
const HOUR_WEIGHTS = [
  0.12, 0.1, 0.08, 0.08, 0.1, 0.15, 0.4, 0.8, 0.9, 1, 1, 1, 0.8, 0.8, 1, 1, 1, 1, 0.9, 0.8, 0.7, 0.5, 0.3,
  0.2,
];

export function planHistory(options: PlanOptions): HistoryPlan {
  const o = { ...HISTORY_DEFAULTS, ...stripUndefined(options) };
  const now = options.now;
  const ctx: PlanContext = {
    seed: o.seed,
    now,
    repeatMs: o.overdueRepeatSeconds * 1000,
    limitsFor: demoLimits,
  };
  const start = now - o.days * DAY;
  const cutoff = now - QUIET_END;

  const originals: IncidentDraft[] = [];
  for (let i = 1; i <= o.incidents; i++) {
    const key = `I${String(i).padStart(3, '0')}`;
    const tough = i % TOUGH_EVERY === TOUGH_OFFSET;
    originals.push(planStreetIncident(ctx, key, timingOf(ctx, key, i, start, now), tough));
  }
  const duplicates: IncidentDraft[] = [];
  for (let i = 1; i <= o.duplicates; i++) {
    const draft = planDuplicate(ctx, `D${String(i).padStart(3, '0')}`, originals, cutoff);
    if (draft) duplicates.push(draft);
  }
  const tasks: IncidentDraft[] = [];
  const admitted = Math.round(o.tasks * TASKS_ADMITTED_SHARE);
  for (let i = 1; i <= o.tasks; i++) {
    tasks.push(planTask(ctx, `T${String(i).padStart(2, '0')}`, i <= admitted, start, cutoff - DAY));
  }
  const drafts = [...originals, ...duplicates, ...tasks];
  return {
    now,
    days: o.days,
    incidents: drafts.map((d) => d.incident),
    steps: mergeSteps(
      drafts.flatMap((d) => d.steps),
      cutoff,
    ),
  };
}

function timingOf(ctx: PlanContext, key: string, i: number, start: number, now: number): IncidentTiming {
  const slot = (i - STALL_OFFSET) / STALL_EVERY;
  const stall = Number.isInteger(slot) ? STALLED[slot] : undefined;
  if (stall) {
    const [stallAt, min, max] = stall;
    return { stallAt, overdueBy: Math.round(new Draw(`${ctx.seed}:${key}:stall`).between(min, max)) };
  }
  // Reports are dealt out over the days in turn, so every day of the fortnight has its share.
  const day = start + ((i - 1) % Math.round((now - start) / DAY)) * DAY;
  return {
    createdAt: reportTime(new Draw(`${ctx.seed}:${key}:time`), day, Math.min(day + DAY, now - 20 * MINUTE)),
  };
}

/** A moment in [from, to), more likely in the day shift (rejection sampling on the hour weights). */
function reportTime(draw: Draw, from: number, to: number): number {
  for (;;) {
    const at = Math.round(draw.between(from, to) / 1000) * 1000;
    if (draw.unit() < (HOUR_WEIGHTS[beijingHour(at)] ?? 1)) return at;
  }
}

/**
 * One timeline for the whole district: steps in time order (ties keep planning order, which is
 * each incident's causal order), at least a second apart so every event gets its own moment, and
 * nothing after the cut-off — which leaves late matters open. A notice is kept only when its stage
 * was met in time; a stage still running is the live deadline worker's to report.
 */
function mergeSteps(drafts: readonly DraftStep[], cutoff: number): Step[] {
  const kept = drafts
    .filter((s) => s.at < cutoff && (s.until === undefined || s.until < cutoff))
    .sort((a, b) => a.at - b.at);
  const steps: Step[] = [];
  let last = -Infinity;
  for (const { at, incident, action } of kept) {
    last = Math.max(Math.round(at / 1000) * 1000, last + 1000);
    steps.push({ at: last, incident, action });
  }
  if (last >= cutoff + QUIET_END) throw new Error('history steps ran past the end of the history');
  return steps;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
