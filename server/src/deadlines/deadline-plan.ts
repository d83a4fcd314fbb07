import { runningStage, type Stage, type StageDeadlines } from '@whistle/shared';

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

export interface PlannedDeadline {
  jobId: string;
  stage: Stage;
  /** Notice number this firing will send. */
  notice: number;
  fireAt: Date;
}

/** Deadline jobs are keyed by dispatch and stage. */
export function deadlineJobId(dispatchId: string, stage: Stage): string {
  return `deadline-${dispatchId}-${stage}`;
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
 * The one deadline job a dispatch should have now, derived from its state alone — which is what
 * lets start-up rebuild every timer from PostgreSQL. A stage already overdue fires its next notice
 * one repeat interval after the last one.
 */
export function planDeadline(state: DeadlineState, repeatSeconds: number): PlannedDeadline | null {
  const stage = runningStage(state.status);
  if (!stage) return null;
  const jobId = deadlineJobId(state.id, stage);
  const alreadyOverdue = state.overdueStages.includes(stage) && state.overdueNotices > 0;
  if (alreadyOverdue && state.lastOverdueAt) {
    return {
      jobId,
      stage,
      notice: state.overdueNotices + 1,
      fireAt: new Date(state.lastOverdueAt.getTime() + repeatSeconds * 1000),
    };
  }
  return { jobId, stage, notice: 1, fireAt: dueAt(state, stage) };
}
