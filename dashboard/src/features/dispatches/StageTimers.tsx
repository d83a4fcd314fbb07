import { useTranslation } from 'react-i18next';
import {
  FINAL_DISPATCH_STATUSES,
  STAGES,
  runningStage,
  type DispatchView,
  type Stage,
} from '@whistle/shared';
import { useNow } from '../../lib/useNow';
import { timeLeftText } from './countdown';
import { chinaDateTime } from '../../lib/china-time';

function stageTimes(d: DispatchView, stage: Stage): { due: string; doneAt: string | null } {
  switch (stage) {
    case 'accept':
      return { due: d.acceptBy, doneAt: d.acceptedAt };
    case 'arrive':
      return { due: d.arriveBy, doneAt: d.arrivedAt };
    case 'resolve':
      return { due: d.resolveBy, doneAt: d.resolvedAt };
  }
}

/**
 * The three stage clocks of one dispatch: the running stage counts down to its deadline (red and
 * counting up once overdue); finished stages show when they were met and whether in time.
 */
export function StageTimers({ dispatch }: { dispatch: DispatchView }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const running = runningStage(dispatch.status);
  return (
    <ol className="stage-timers">
      {STAGES.map((stage) => {
        const { due, doneAt } = stageTimes(dispatch, stage);
        const dueAt = Date.parse(due);
        const late = dispatch.overdueStages.includes(stage);
        let text: string;
        let tone: 'done' | 'late' | 'running' | 'over' | 'idle';
        if (doneAt) {
          text = t('desk.timer.doneAt', { time: chinaDateTime(doneAt) });
          tone = Date.parse(doneAt) > dueAt || late ? 'late' : 'done';
        } else if (stage === running) {
          text = timeLeftText(t, dueAt, now);
          tone = dueAt >= now ? 'running' : 'over';
        } else if (FINAL_DISPATCH_STATUSES.includes(dispatch.status)) {
          // A rejected or cancelled dispatch never reaches its later stages: no deadline to show.
          text = '—';
          tone = 'idle';
        } else {
          text = t('desk.timer.dueAt', { time: chinaDateTime(due) });
          tone = 'idle';
        }
        return (
          <li
            key={stage}
            className={`stage-timer stage-timer--${tone}`}
            data-testid="stage-timer"
            data-stage={stage}
            data-dispatch-id={dispatch.id}
          >
            <span className="stage-timer__name">{t(`stage.${stage}`)}</span>
            <span className="stage-timer__text">{text}</span>
          </li>
        );
      })}
    </ol>
  );
}
