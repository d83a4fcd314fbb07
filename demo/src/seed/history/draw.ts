import { between, chance, intBetween, pick, sample, seededRandom, weighted, type Random } from '../../world';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/**
 * Draws on a seeded stream. Every planned object gets its own stream (seed + key), so changing how
 * one incident is drawn never reshuffles the rest of the history.
 */
export class Draw {
  /** The stream itself, for the demo world's draws (places, phrases) on the same sequence. */
  readonly random: Random;

  constructor(seed: string) {
    this.random = seededRandom(seed);
  }

  unit(): number {
    return this.random();
  }

  chance(p: number): boolean {
    return chance(this.random, p);
  }

  between(min: number, max: number): number {
    return between(this.random, min, max);
  }

  /** Whole minutes between min and max, as milliseconds: history times read as a clock does. */
  minutes(min: number, max: number): number {
    return Math.round(this.between(min, max)) * MINUTE;
  }

  int(min: number, maxInclusive: number): number {
    return intBetween(this.random, min, maxInclusive);
  }

  pick<T>(items: readonly T[]): T {
    return pick(this.random, items);
  }

  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    return weighted(this.random, entries);
  }

  sample<T>(items: readonly T[], count: number): T[] {
    return sample(this.random, items, count);
  }
}

/** Command centres count days in Beijing time (UTC+8, no daylight saving). */
const BEIJING_MS = 8 * HOUR;

export function beijingHour(at: number): number {
  return new Date(at + BEIJING_MS).getUTCHours();
}

/**
 * Moves a desk action (registering, verifying, closing) that would fall in the small hours to the
 * next morning's shift: the street centres staff those at night only for emergencies.
 */
export function deskTime(at: number, draw: Draw): number {
  const hour = beijingHour(at);
  if (hour >= 7 && hour < 22) return at;
  const dayStart = Math.floor((at + BEIJING_MS) / DAY) * DAY - BEIJING_MS;
  const morning = dayStart + (hour >= 22 ? DAY : 0) + 7 * HOUR + 30 * MINUTE;
  return morning + draw.minutes(0, 90);
}
