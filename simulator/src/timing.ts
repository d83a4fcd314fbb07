import { between, chance, type Random } from '@whistle/demo';
import type { Stage, StageLimits, WhistleType } from '@whistle/shared';

/**
 * Simulated time runs `compression` times faster than real time, but the server's deadlines run in
 * real time. So bots plan their work in simulated minutes (how long a duty officer really takes),
 * turn it into real milliseconds, and stay inside the real deadline unless told to be late.
 */
export function simMinutesToRealMs(minutes: number, compression: number): number {
  return (minutes * 60_000) / compression;
}

/** The simulated day starts at 08:00, when the command centres take over from the night shift. */
export const SIM_DAY_START_MINUTE = 8 * 60;

/** Simulated minutes since midnight of day 1, given real ms since the start. */
export function simMinuteAt(realElapsedMs: number, compression: number): number {
  return SIM_DAY_START_MINUTE + (realElapsedMs * compression) / 60_000;
}

/** "D1 09:32" for the log. */
export function formatSimClock(simMinute: number): string {
  const day = Math.floor(simMinute / 1440) + 1;
  const inDay = Math.floor(simMinute % 1440);
  const hh = String(Math.floor(inDay / 60)).padStart(2, '0');
  const mm = String(inDay % 60).padStart(2, '0');
  return `D${day} ${hh}:${mm}`;
}

/** How busy each hour of the day is relative to the average (reports follow patrols and office hours). */
const HOURLY = [
  0.3, 0.2, 0.2, 0.2, 0.2, 0.3, 0.6, 1.0, 1.5, 1.7, 1.7, 1.5, 1.2, 1.4, 1.6, 1.6, 1.5, 1.3, 1.1, 1.0, 0.9,
  0.8, 0.6, 0.4,
];
const HOURLY_MEAN = HOURLY.reduce((s, v) => s + v, 0) / HOURLY.length;

export function hourlyIntensity(simMinute: number): number {
  const hour = Math.floor((simMinute % 1440) / 60);
  return (HOURLY[hour] ?? 1) / HOURLY_MEAN;
}

/** Realistic working times in simulated minutes: [min, max] for each stage, after the previous one. */
export const WORK_MINUTES: Readonly<Record<WhistleType, Readonly<Record<Stage, readonly [number, number]>>>> =
  {
    emergency: { accept: [0.5, 3], arrive: [8, 20], resolve: [30, 150] },
    enforcement: { accept: [3, 20], arrive: [20, 90], resolve: [60, 360] },
    key_work: { accept: [10, 60], arrive: [60, 240], resolve: [120, 480] },
    tough: { accept: [5, 25], arrive: [90, 360], resolve: [240, 900] },
  };

/** A stage whose real deadline is further away than this is never made late: the demo would not see it. */
export const LATE_MAX_REAL_MINUTES = 6;

export interface DispatchPlan {
  /** Simulated minutes each stage takes after the previous one. */
  work: Record<Stage, number>;
  /** The stage whose deadline the bot deliberately misses, if any. */
  late: Stage | null;
}

export function planDispatch(
  rng: Random,
  type: WhistleType,
  limits: StageLimits,
  lateShare: number,
): DispatchPlan {
  const range = WORK_MINUTES[type];
  const work = {
    accept: between(rng, ...range.accept),
    arrive: between(rng, ...range.arrive),
    resolve: between(rng, ...range.resolve),
  };
  // Deadlines are counted from the whistle, so a stage's limit is its real distance from creation.
  const lateable = (['accept', 'arrive'] as const).find((stage) => limits[stage] <= LATE_MAX_REAL_MINUTES);
  const late = lateable && chance(rng, lateShare) ? lateable : null;
  return { work, late };
}

/**
 * Real ms to wait before finishing a stage. On time: the planned work, but never past 80% of what is
 * left before the deadline (with little compression the plan could overrun it). Late: past the
 * deadline by a margin, so the server's overdue notice fires first.
 */
export function stageDelayMs(input: {
  plannedSimMinutes: number;
  compression: number;
  dueAtMs: number;
  nowMs: number;
  late: boolean;
  lateMarginMs: number;
}): number {
  const left = input.dueAtMs - input.nowMs;
  if (input.late) return Math.max(0, left) + input.lateMarginMs;
  const planned = simMinutesToRealMs(input.plannedSimMinutes, input.compression);
  return Math.max(300, Math.min(planned, left * 0.8));
}
