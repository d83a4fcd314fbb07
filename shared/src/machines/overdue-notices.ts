import type { Stage } from '../domain/vocabulary';
import { runningStage, type StageDeadlines } from './timer-rules';

/** What decides a dispatch's next overdue notice: its status, stage deadlines and notices so far. */
export interface DeadlineState {
  id: string;
  status: Parameters<typeof runningStage>[0];
  acceptBy: Date;
  arriveBy: Date;
  resolveBy: Date;
  overdueStages: readonly Stage[];
  overdueNotices: number;
  lastOverdueAt: Date | null;
}

export interface OverdueNotice {
  stage: Stage;
  /** Notice number this firing will send. */
  notice: number;
  fireAt: Date;
}

/** The deadline of `stage`, whatever the deadlines are held as (dates, or epoch millis in the seed). */
export function dueAt<T = Date>(deadlines: Record<keyof StageDeadlines, T>, stage: Stage): T {
  switch (stage) {
    case 'accept':
      return deadlines.acceptBy;
    case 'arrive':
      return deadlines.arriveBy;
    case 'resolve':
      return deadlines.resolveBy;
  }
}

/**
 * The next overdue notice a dispatch is due, derived from its state alone — which is what lets the
 * server rebuild every timer from the database. A stage already overdue sends its next notice one
 * repeat interval after the last one; a dispatch with no running stage has none.
 */
export function nextOverdueNotice(state: DeadlineState, repeatSeconds: number): OverdueNotice | null {
  const stage = runningStage(state.status);
  if (!stage) return null;
  const alreadyOverdue = state.overdueStages.includes(stage) && state.overdueNotices > 0;
  if (alreadyOverdue && state.lastOverdueAt) {
    return {
      stage,
      notice: state.overdueNotices + 1,
      fireAt: new Date(state.lastOverdueAt.getTime() + repeatSeconds * 1000),
    };
  }
  return { stage, notice: 1, fireAt: dueAt(state, stage) };
}
