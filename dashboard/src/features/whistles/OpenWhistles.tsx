import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DispatchView } from '@whistle/shared';
import { formatDuration } from '../../lib/duration';
import { useNow } from '../../lib/useNow';
import { countdownTone, runningStage } from '../dispatches/countdown';
import type { FeedNames } from '../reference/useFeedNames';
import { groupByWhistle, takeWhatFits } from './whistle-groups';

/** Rows a full-height column holds at the wall's type size (a whistle's title counts as one more row). */
const ROWS_THAT_FIT = 30;

/** Right column: open whistles, one live countdown per summoned department and stage. */
export function OpenWhistles({
  dispatches,
  names,
  rows = ROWS_THAT_FIT,
}: {
  dispatches: readonly DispatchView[];
  names: FeedNames;
  /** Rows the panel has room for (the wall's column shares its height with the ranking). */
  rows?: number;
}) {
  const { t } = useTranslation();
  const now = useNow();
  const { shown, hidden } = useMemo(() => takeWhatFits(groupByWhistle(dispatches), rows), [dispatches, rows]);
  return (
    <section className="wall-panel wall-whistles" data-testid="open-whistles">
      <h2>{t('wall.openWhistles')}</h2>
      {shown.length === 0 && <p className="muted">{t('wall.noWhistles')}</p>}
      <ul className="whistles">
        {shown.map((g) => (
          <li key={g.whistleId} className="whistle" data-whistle-id={g.whistleId}>
            <div className="whistle__title">
              <span className={`whistle__type whistle__type--${g.first.whistleType}`}>
                {names.whistleType(g.first.whistleType)}
              </span>
              <span className="whistle__incident">{g.first.incident.title}</span>
              <span className="whistle__street">{names.street(g.first.streetId)}</span>
            </div>
            {g.dispatches.map((d) => {
              const stage = runningStage(d);
              if (!stage) return null;
              const tone = countdownTone(stage, now);
              const left = stage.dueAt - now;
              return (
                <div
                  key={d.id}
                  className={`countdown countdown--${tone}`}
                  data-testid="countdown"
                  data-dispatch-id={d.id}
                  data-stage={stage.stage}
                  data-tone={tone}
                >
                  <span className="countdown__dept">
                    {d.departmentId ? names.department(d.departmentId) : t('role.district_leader')}
                  </span>
                  <span className="countdown__stage">{t(`stage.${stage.stage}`)}</span>
                  <span className="countdown__time">
                    {left >= 0
                      ? t('wall.countdownLeft', { time: formatDuration(t, left) })
                      : t('wall.countdownOver', { time: formatDuration(t, -left) })}
                  </span>
                </div>
              );
            })}
          </li>
        ))}
      </ul>
      {hidden > 0 && <p className="wall-whistles__more">{t('wall.moreWhistles', { count: hidden })}</p>}
    </section>
  );
}
