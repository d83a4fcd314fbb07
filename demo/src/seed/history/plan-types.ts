import type { CategoryCode, Priority, Stage, WhistleType } from '@whistle/shared';

/*
 * The demo history as data: what happened, to what, and when. Planning is pure (a seeded PRNG and
 * a fixed "now"), so it can be tested on its own; the runner then replays it through the real
 * services and moves every timestamp to the planned time.
 */

/** How a street-side incident came in; tasks sent down by departments are `department`. */
export type HistorySource = 'grid_worker' | 'hotline_12345' | 'operator' | 'video' | 'department';

export interface PlannedIncident {
  /** Stable key, `I001`…, `T01`… for tasks. */
  key: string;
  streetCode: string;
  source: HistorySource;
  /** Grid worker number (1-based) of the street when the source is grid_worker. */
  reporter: number | null;
  category: CategoryCode;
  priority: Priority;
  title: string;
  description: string;
  /** Picks in [0, 1) the runner turns into a grid of the street (or of the reporter) and a point in it. */
  spot: { grid: number; x: number; y: number };
  /** A repeat report of this earlier incident: placed a few metres from it, whatever `spot` says. */
  near: string | null;
  /** A task sent down to the street: the sending department and the timer rules it applies. */
  task: { departmentCode: string; type: WhistleType } | null;
}

/** Which dispatch a step acts on: one summoned department of a whistle, its leaders, or a task. */
export type DispatchRef =
  | { kind: 'department'; whistle: string; departmentCode: string }
  | { kind: 'leader'; whistle: string }
  | { kind: 'task'; incident: string };

export type DispatchAct =
  | { action: 'accept' }
  | { action: 'reject'; reason: string }
  | { action: 'arrive' }
  | { action: 'resolve'; note: string }
  | { action: 'reopen'; reason: string }
  | { action: 'verify'; rating: number; comment: string | null };

export type StepAction =
  | { kind: 'create' }
  | { kind: 'register' }
  | { kind: 'reject'; reason: string }
  | { kind: 'merge'; into: string }
  | { kind: 'whistle'; whistle: string; type: WhistleType; departmentCodes: string[]; note: string }
  | { kind: 'dispatch'; ref: DispatchRef; act: DispatchAct }
  /** The deadline worker's n-th notice for a stage that was met late, before it was met. */
  | { kind: 'overdue'; ref: DispatchRef; stage: Stage; notice: number }
  | { kind: 'close' };

export interface Step {
  /** Epoch milliseconds; strictly increasing over the whole plan and before `now`. */
  at: number;
  incident: string;
  action: StepAction;
}

export interface HistoryPlan {
  now: number;
  days: number;
  incidents: PlannedIncident[];
  steps: Step[];
}

export interface PlanOptions {
  /** The moment the history ends; nothing is planned at or after it. */
  now: number;
  seed?: string;
  days?: number;
  /** Street-side incidents that are not duplicates. */
  incidents?: number;
  /** Duplicate reports merged into an earlier incident (重复工单). */
  duplicates?: number;
  /** Tasks sent down to streets. */
  tasks?: number;
  /** The deadline worker's repeat interval, so history notices repeat as the server's would. */
  overdueRepeatSeconds?: number;
}
