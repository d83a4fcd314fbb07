/** A stage limit as a person enters it: an amount in minutes, hours or days. */
export type DurationUnit = 'minutes' | 'hours' | 'days';

export const DURATION_UNITS: readonly DurationUnit[] = ['minutes', 'hours', 'days'];
const MINUTES_PER: Record<DurationUnit, number> = { minutes: 1, hours: 60, days: 24 * 60 };

export interface DurationInput {
  amount: string;
  unit: DurationUnit;
}

/** The largest unit that expresses `minutes` exactly: 2880 → 2 days, 90 → 90 minutes. */
export function toDurationInput(minutes: number): DurationInput {
  const unit = [...DURATION_UNITS].reverse().find((u) => minutes % MINUTES_PER[u] === 0) ?? 'minutes';
  return { amount: String(minutes / MINUTES_PER[unit]), unit };
}

/** Whole minutes, or null when the amount is not a positive number (the server wants whole minutes). */
export function toMinutes({ amount, unit }: DurationInput): number | null {
  const value = Number(amount.trim());
  if (amount.trim() === '' || !Number.isFinite(value) || value <= 0) return null;
  return Math.round(value * MINUTES_PER[unit]);
}
