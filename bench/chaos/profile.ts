import { FULL_SCHEDULE, SHORT_SCHEDULE } from './faults';

/** How big a run of the fault suite is: its load, and which faults it injects with what pauses. */
export interface RunProfile {
  name: 'full' | 'short';
  streets: number;
  departments: number;
  whistleEveryMs: number;
  slowShare: number;
  warmupSeconds: number;
  /** Between one fault's recovery and the next fault. */
  gapSeconds: number;
  schedule: typeof FULL_SCHEDULE;
}

export const PROFILES: Record<'full' | 'short', RunProfile> = {
  full: {
    name: 'full',
    streets: 6,
    departments: 6,
    whistleEveryMs: 4_000,
    slowShare: 0.3,
    warmupSeconds: 20,
    gapSeconds: 12,
    schedule: FULL_SCHEDULE,
  },
  short: {
    name: 'short',
    streets: 4,
    departments: 4,
    whistleEveryMs: 4_000,
    slowShare: 0.4,
    warmupSeconds: 10,
    gapSeconds: 5,
    schedule: SHORT_SCHEDULE,
  },
};

/** The one-minute accept deadline the slow share of the traffic is left to miss. */
export const SLOW_ACCEPT_MINUTES = 1;
export const PORT = Number(process.env.CHAOS_PORT ?? 3970);
export const APIS = 3;
export const WORKERS = 2;
