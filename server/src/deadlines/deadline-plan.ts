import { nextOverdueNotice, type DeadlineState, type OverdueNotice, type Stage } from '@whistle/shared';

export interface PlannedDeadline extends OverdueNotice {
  jobId: string;
}

/** Deadline jobs are keyed by dispatch and stage. */
export function deadlineJobId(dispatchId: string, stage: Stage): string {
  return `deadline-${dispatchId}-${stage}`;
}

/** The one deadline job a dispatch should have now: its next overdue notice, under its stage's key. */
export function planDeadline(state: DeadlineState, repeatSeconds: number): PlannedDeadline | null {
  const notice = nextOverdueNotice(state, repeatSeconds);
  return notice ? { ...notice, jobId: deadlineJobId(state.id, notice.stage) } : null;
}
