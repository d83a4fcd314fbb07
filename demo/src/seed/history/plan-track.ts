import type { Stage, StageLimits, WhistleType } from '@whistle/shared';
import { deskTime, Draw, HOUR, MINUTE } from './draw';
import type { DispatchAct } from './plan-types';
import { RATING_COMMENTS } from '../../world';

/**
 * One dispatch's life as planned: its acts, and the deadline worker's notices for each stage met
 * late. A notice carries `until`, when its stage was met: notices of a stage still running when the
 * history ends are left to the real deadline worker.
 */
export type TrackStep =
  { at: number; act: DispatchAct } | { at: number; overdue: Stage; notice: number; until: number };

export interface TrackOptions {
  type: WhistleType;
  limits: StageLimits;
  createdAt: number;
  repeatMs: number;
  /** The assignee sends it back at once (a department summoned by mistake, a task off the admission list). */
  rejectReason?: string;
  /** The assignee never gets past this stage: still running, and overdue, when the history ends. */
  stallAt?: Stage;
  /** The street's first check fails and the fix is redone (复核不通过). */
  reopenReason?: string;
  resolution: string;
  /** Leaders and streets are not rated; their verify carries the rating the API requires, unused. */
  rated: boolean;
}

/** Share of dispatches that miss each stage, and by how much (min, max minutes; emergencies are tighter). */
const LATE = {
  accept: { p: 0.05, normal: [5, 75], emergency: [1, 10] },
  arrive: { p: 0.07, normal: [15, 150], emergency: [5, 30] },
  resolve: { p: 0.07, normal: [30, 300], emergency: [15, 120] },
} as const;

/** When an on-time stage is met, as a share of its limit, by whistle type. */
const ON_TIME: Readonly<Record<WhistleType, Record<Stage, readonly [number, number]>>> = {
  emergency: { accept: [0.2, 0.9], arrive: [0.3, 0.9], resolve: [0.25, 0.9] },
  enforcement: { accept: [0.05, 0.7], arrive: [0.2, 0.85], resolve: [0.06, 0.5] },
  key_work: { accept: [0.03, 0.5], arrive: [0.03, 0.4], resolve: [0.03, 0.28] },
  tough: { accept: [0.05, 0.6], arrive: [0.04, 0.4], resolve: [0.03, 0.2] },
};

/**
 * Plans one dispatch from its creation: accept, arrive (报到) and resolve, each mostly on time and
 * now and then late, an occasional failed check and redo, then the requester's check and rating.
 */
export function planTrack(draw: Draw, o: TrackOptions): TrackStep[] {
  const due = {
    accept: o.createdAt + o.limits.accept * MINUTE,
    arrive: o.createdAt + o.limits.arrive * MINUTE,
    resolve: o.createdAt + o.limits.resolve * MINUTE,
  };
  if (o.rejectReason !== undefined) {
    const at = o.createdAt + onTime(o.limits.accept, draw.between(0.15, 0.8)) * MINUTE;
    return [{ at, act: { action: 'reject', reason: o.rejectReason } }];
  }
  const steps: TrackStep[] = [];
  // Each stage: on time at a share of its limit, or late by a few minutes to hours.
  const stageAt = (stage: Stage, after: number, gap: readonly [number, number]): number => {
    const late = LATE[stage];
    const [lo, hi] = o.type === 'emergency' ? late.emergency : late.normal;
    const [from, to] = ON_TIME[o.type][stage];
    const planned = draw.chance(late.p)
      ? due[stage] + draw.minutes(lo, hi)
      : o.createdAt + onTime(o.limits[stage], draw.between(from, to)) * MINUTE;
    return Math.max(planned, after + draw.minutes(gap[0], gap[1]));
  };
  const met = (stage: Stage, startedAt: number, at: number, dueAt: number, act: DispatchAct): boolean => {
    steps.push(...notices(stage, startedAt, dueAt, at, o.repeatMs, draw), { at, act });
    return at > dueAt;
  };

  if (o.stallAt === 'accept') return steps;
  const acceptedAt = stageAt('accept', o.createdAt, [1, 1]);
  let late = met('accept', o.createdAt, acceptedAt, due.accept, { action: 'accept' });
  if (o.stallAt === 'arrive') return steps;
  const arrivedAt = stageAt('arrive', acceptedAt, [3, 25]);
  late = met('arrive', acceptedAt, arrivedAt, due.arrive, { action: 'arrive' }) || late;
  if (o.stallAt === 'resolve') return steps;
  const resolvedAt = stageAt('resolve', arrivedAt, [20, 120]);
  late =
    met('resolve', arrivedAt, resolvedAt, due.resolve, { action: 'resolve', note: o.resolution }) || late;

  let checkedFrom = resolvedAt;
  if (o.reopenReason !== undefined) {
    const reopenedAt = deskTime(resolvedAt + draw.minutes(60, 600), draw);
    steps.push({ at: reopenedAt, act: { action: 'reopen', reason: o.reopenReason } });
    // A failed check restarts the resolve clock; the redo is quicker, the matter being known.
    const redoDue = reopenedAt + o.limits.resolve * MINUTE;
    const redoneAt = reopenedAt + Math.max(HOUR, onTime(o.limits.resolve, draw.between(0.05, 0.3)) * MINUTE);
    met('resolve', reopenedAt, redoneAt, redoDue, {
      action: 'resolve',
      note: `复核后再次整改：${o.resolution}`,
    });
    checkedFrom = redoneAt;
    // A fix that had to be redone is rated like a late one.
    late = true;
  }
  const verifyGap = o.type === 'emergency' ? draw.minutes(15, 120) : draw.minutes(30, 480);
  const verifiedAt =
    o.type === 'emergency' ? checkedFrom + verifyGap : deskTime(checkedFrom + verifyGap, draw);
  const rating = o.rated ? rateOf(draw, late) : 5;
  const words = RATING_COMMENTS[rating] ?? [];
  const comment = o.rated && words.length > 0 && draw.chance(0.6) ? draw.pick(words) : null;
  steps.push({ at: verifiedAt, act: { action: 'verify', rating, comment } });
  return steps;
}

/**
 * Whole minutes into a stage's limit, at least one and a clear minute short of the deadline, so an
 * on-time stage stays on time when the plan nudges steps apart by a second.
 */
function onTime(limitMinutes: number, share: number): number {
  return Math.max(1, Math.min(limitMinutes - 1, Math.round(limitMinutes * share)));
}

/**
 * The worker's notices for a stage that started running at `startedAt`, was due at `dueAt` and
 * met at `metAt`: the first once both have passed (a stage that starts already late is reported
 * at once), then one per repeat interval.
 */
function notices(
  stage: Stage,
  startedAt: number,
  dueAt: number,
  metAt: number,
  repeatMs: number,
  draw: Draw,
): TrackStep[] {
  const out: TrackStep[] = [];
  const first = Math.max(dueAt, startedAt);
  // The worker fires some seconds after each due moment; the stage is met after the last notice.
  for (let n = 0; first + n * repeatMs + 30_000 < metAt; n++) {
    out.push({
      at: first + n * repeatMs + draw.int(5, 15) * 1000,
      overdue: stage,
      notice: n + 1,
      until: metAt,
    });
  }
  return out;
}

/** Streets rate mostly 4–5; a dispatch that ran late or had to be redone does worse. */
function rateOf(draw: Draw, late: boolean): number {
  return late
    ? draw.weighted([
        [5, 10],
        [4, 40],
        [3, 38],
        [2, 12],
      ])
    : draw.weighted([
        [5, 60],
        [4, 32],
        [3, 7],
        [2, 1],
      ]);
}
