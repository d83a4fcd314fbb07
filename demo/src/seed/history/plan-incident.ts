import { CATEGORIES, type Priority, type Stage, type StageLimits, type WhistleType } from '@whistle/shared';
import { deskTime, Draw, MINUTE } from './draw';
import type { DispatchRef, HistorySource, PlannedIncident, StepAction } from './plan-types';
import { planTrack, type TrackStep } from './plan-track';
import {
  fillPlaces,
  INCIDENT_REJECT_REASONS,
  LEADER_RESOLUTIONS,
  pickScenario,
  placesOf,
  reopenReasonsOf,
  SCENARIOS,
  whistleNote,
  type Scenario,
} from '../../world';

/** A step before the plan is merged: overdue notices remember when their stage was met. */
export interface DraftStep {
  at: number;
  incident: string;
  action: StepAction;
  /** For overdue notices: when the stage was met (notices of a stage unmet at the end are dropped). */
  until?: number;
}

export interface IncidentDraft {
  incident: PlannedIncident;
  steps: DraftStep[];
  /** Created (for duplicates to follow) and closed (they must be merged before), when planned. */
  createdAt: number;
  closeAt: number | null;
}

export interface PlanContext {
  seed: string;
  now: number;
  repeatMs: number;
  limitsFor: (type: WhistleType, priority: Priority) => StageLimits;
}

/**
 * When the incident comes in; or, for a stalled one, which stage its first department never meets
 * and by how much (ms) that stage is overdue when the history ends.
 */
export type IncidentTiming = { createdAt: number } | { stallAt: Stage; overdueBy: number };

/** Streets' share of the reports: the tourist core and the demo's walk-through street are busier. */
const STREET_WEIGHTS: readonly (readonly [string, number])[] = [
  ['fuzimiao', 1.5],
  ['wulaocun', 0.9],
  ['hongwulu', 0.9],
  ['daguanglu', 1],
  ['ruijinlu', 1],
  ['yueyahu', 1],
  ['guanghualu', 1],
  ['zhonghuamen', 1.1],
  ['shuangtang', 1.3],
  ['honghua', 1],
  ['qinhong', 0.9],
  ['chaotiangong', 1],
];

const SOURCES: readonly (readonly [HistorySource, number])[] = [
  ['grid_worker', 40],
  ['hotline_12345', 30],
  ['operator', 12],
  ['video', 25],
];

const REJECT_SHARE = 0.085;
const MISROUTE_SHARE = 0.3;
const REOPEN_SHARE = 0.05;
const TOUGH_SHARE = 0.3;

/** A street-side report and everything that followed it. */
export function planStreetIncident(
  ctx: PlanContext,
  key: string,
  timing: IncidentTiming,
  /** One of the long-standing matters, escalated with a tough-problem whistle. */
  tough = false,
): IncidentDraft {
  const draw = new Draw(`${ctx.seed}:${key}`);
  const streetCode = draw.weighted(STREET_WEIGHTS);
  const scenario = tough ? draw.pick(SCENARIOS.filter((s) => s.tough)) : pickScenario(draw.random);
  const category = scenario.category;
  const urgent = scenario.urgent === true;
  let source = draw.weighted(SOURCES);
  if (source === 'video' && !scenario.video) source = 'grid_worker';
  const priority: Priority = urgent
    ? draw.weighted([
        ['urgent', 45],
        ['high', 55],
      ])
    : draw.weighted([
        ['normal', 60],
        ['high', 32],
        ['low', 5],
        ['urgent', 3],
      ]);
  const incident: PlannedIncident = {
    key,
    streetCode,
    source,
    reporter: source === 'grid_worker' ? draw.int(1, 4) : null,
    category,
    priority,
    ...fillPlaces(draw.random, placesOf(streetCode), scenario),
    spot: { grid: draw.unit(), x: draw.unit(), y: draw.unit() },
    near: null,
    task: null,
  };

  const stalled = 'stallAt' in timing;
  const type: WhistleType =
    tough || (scenario.tough && !stalled && draw.chance(TOUGH_SHARE))
      ? 'tough'
      : draw.weighted(scenario.whistles);
  const limits = ctx.limitsFor(type, priority);
  const registerGap = urgent
    ? draw.minutes(1, 8)
    : source === 'hotline_12345'
      ? draw.minutes(15, 240)
      : draw.minutes(5, 90);
  const whistleGap = urgent ? draw.minutes(2, 10) : draw.minutes(10, 240);
  // A stalled incident is laid out backwards from its whistle, so that the stalled stage is overdue now.
  const stalledWhistle = stalled ? ctx.now - limits[timing.stallAt] * MINUTE - timing.overdueBy : 0;
  const createdAt = stalled ? stalledWhistle - whistleGap - registerGap : timing.createdAt;
  const registeredAt = stalled || urgent ? createdAt + registerGap : deskTime(createdAt + registerGap, draw);
  const steps: DraftStep[] = [{ at: createdAt, incident: key, action: { kind: 'create' } }];
  const draft: IncidentDraft = { incident, steps, createdAt, closeAt: null };

  if (!stalled && !urgent && draw.chance(REJECT_SHARE)) {
    const reason = draw.pick(INCIDENT_REJECT_REASONS);
    steps.push({ at: registeredAt, incident: key, action: { kind: 'reject', reason } });
    return draft;
  }
  steps.push({ at: registeredAt, incident: key, action: { kind: 'register' } });

  const departments = chooseDepartments(draw, scenario);
  let whistledAt = stalled ? stalledWhistle : registeredAt + whistleGap;
  if (!stalled && !urgent) whistledAt = deskTime(whistledAt, draw);
  const note = whistleNote(draw.random, type, incident.title);

  // Summoned by mistake: the wrong department sends it back, and the street whistles the right ones.
  let whistleNo = 1;
  const misroute = scenario.misroute;
  if (misroute && type !== 'tough' && !stalled && draw.chance(MISROUTE_SHARE)) {
    const wrong = `${key}-W${whistleNo++}`;
    steps.push(whistleStep(key, wrong, type, [misroute.departmentCode], note, whistledAt));
    const [rejected] = planTrack(draw, {
      type,
      limits,
      createdAt: whistledAt,
      repeatMs: ctx.repeatMs,
      rejectReason: misroute.reason,
      resolution: '',
      rated: false,
    });
    if (!rejected) throw new Error('a rejected track has its reject step');
    steps.push(
      trackStep(
        key,
        { kind: 'department', whistle: wrong, departmentCode: misroute.departmentCode },
        rejected,
      ),
    );
    whistledAt = rejected.at + draw.minutes(10, 60);
  }

  const whistle = `${key}-W${whistleNo}`;
  steps.push(whistleStep(key, whistle, type, departments, note, whistledAt));
  const reopenReasons = reopenReasonsOf(category);
  let lastVerify = 0;
  const follow = (ref: DispatchRef, track: TrackStep[]) => {
    for (const s of track) {
      steps.push(trackStep(key, ref, s));
      if ('act' in s && s.act.action === 'verify') lastVerify = Math.max(lastVerify, s.at);
    }
    return track.some((s) => 'act' in s && s.act.action === 'verify');
  };
  let allVerified = true;
  departments.forEach((departmentCode, i) => {
    const track = planTrack(draw, {
      type,
      limits,
      createdAt: whistledAt,
      repeatMs: ctx.repeatMs,
      ...(stalled && i === 0 ? { stallAt: timing.stallAt } : {}),
      ...(draw.chance(REOPEN_SHARE) ? { reopenReason: draw.pick(reopenReasons) } : {}),
      resolution: draw.pick(scenario.resolutions),
      rated: true,
    });
    allVerified = follow({ kind: 'department', whistle, departmentCode }, track) && allVerified;
  });
  if (type === 'tough') {
    // 双报到: the paired district leader reports in too, and the street checks that as well.
    const track = planTrack(draw, {
      type,
      limits,
      createdAt: whistledAt,
      repeatMs: ctx.repeatMs,
      resolution: draw.pick(LEADER_RESOLUTIONS),
      rated: false,
    });
    allVerified = follow({ kind: 'leader', whistle }, track) && allVerified;
  }
  if (allVerified) {
    const closeAt = deskTime(lastVerify + draw.minutes(10, 240), draw);
    steps.push({ at: closeAt, incident: key, action: { kind: 'close' } });
    draft.closeAt = closeAt;
  }
  return draft;
}

function whistleStep(
  incident: string,
  whistle: string,
  type: WhistleType,
  departmentCodes: string[],
  note: string,
  at: number,
): DraftStep {
  return { at, incident, action: { kind: 'whistle', whistle, type, departmentCodes, note } };
}

export function trackStep(incident: string, ref: DispatchRef, s: TrackStep): DraftStep {
  return 'act' in s
    ? { at: s.at, incident, action: { kind: 'dispatch', ref, act: s.act } }
    : {
        at: s.at,
        incident,
        action: { kind: 'overdue', ref, stage: s.overdue, notice: s.notice },
        until: s.until,
      };
}

/**
 * One to three departments: the primary one; any department beyond the category's suggestions the
 * scenario names (the reason it exists: 教育局 at a school gate); then suggested ones by chance.
 */
function chooseDepartments(draw: Draw, scenario: Scenario): string[] {
  const [primary, ...rest] = scenario.departments;
  if (!primary) throw new Error(`scenario ${scenario.title} has no departments`);
  const suggested: readonly string[] =
    CATEGORIES.find((c) => c.code === scenario.category)?.suggestedDepartments ?? [];
  const needed = rest.filter((code) => !suggested.includes(code));
  const optional = rest.filter((code) => suggested.includes(code));
  const count = draw.weighted([
    [1, 35],
    [2, 45],
    [3, 20],
  ]);
  return [primary, ...needed, ...draw.sample(optional, count - 1 - needed.length)].slice(0, 3);
}
