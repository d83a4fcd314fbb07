import { seededRandom, type Random } from '../geography/random';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/**
 * Draws on a seeded stream. Every planned object gets its own stream (seed + key), so changing how
 * one incident is drawn never reshuffles the rest of the history.
 */
export class Draw {
  private readonly next: Random;

  constructor(seed: string) {
    this.next = seededRandom(seed);
  }

  unit(): number {
    return this.next();
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Whole minutes between min and max, as milliseconds: history times read as a clock does. */
  minutes(min: number, max: number): number {
    return Math.round(this.between(min, max)) * MINUTE;
  }

  int(min: number, maxInclusive: number): number {
    return min + Math.floor(this.next() * (maxInclusive - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.next() * total;
    for (const [item, weight] of entries) {
      roll -= weight;
      if (roll < 0) return item;
    }
    const last = entries[entries.length - 1];
    if (!last) throw new Error('weighted pick from an empty list');
    return last[0];
  }

  /** `count` distinct items, in a random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length > 0) {
      out.push(...pool.splice(Math.floor(this.next() * pool.length), 1));
    }
    return out;
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
