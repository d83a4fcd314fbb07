import type { TFunction } from 'i18next';
import type { DispatchView, Stage } from '@whistle/shared';
import { formatDuration } from '../../lib/duration';

export interface RunningStage {
  stage: Stage;
  startedAt: number;
  dueAt: number;
}

/** The stage a running dispatch is in and its window, for the countdown (green → amber → red). */
export function runningStage(d: DispatchView): RunningStage | null {
  const at = (iso: string | null) => (iso ? Date.parse(iso) : Date.parse(d.createdAt));
  switch (d.status) {
    case 'pending':
      return { stage: 'accept', startedAt: at(d.createdAt), dueAt: Date.parse(d.acceptBy) };
    case 'accepted':
      return { stage: 'arrive', startedAt: at(d.acceptedAt), dueAt: Date.parse(d.arriveBy) };
    case 'arrived':
    case 'reopened':
      return { stage: 'resolve', startedAt: at(d.arrivedAt), dueAt: Date.parse(d.resolveBy) };
    case 'resolved':
    case 'verified':
    case 'rejected':
    case 'cancelled':
      return null;
  }
}

export type CountdownTone = 'ok' | 'warn' | 'over';

/** Amber in the last 20% of the window, red once past it (DESIGN §7). */
export function countdownTone(stage: RunningStage, now: number): CountdownTone {
  if (now >= stage.dueAt) return 'over';
  const window = Math.max(1, stage.dueAt - stage.startedAt);
  return (stage.dueAt - now) / window <= 0.2 ? 'warn' : 'ok';
}

/** How a running stage's deadline reads at `now`: "剩余 3分", or "已超时 5分" once past it. */
export function timeLeftText(t: TFunction, dueAt: number, now: number): string {
  const left = dueAt - now;
  return left >= 0
    ? t('desk.timer.left', { time: formatDuration(t, left) })
    : t('desk.timer.over', { time: formatDuration(t, -left) });
}
