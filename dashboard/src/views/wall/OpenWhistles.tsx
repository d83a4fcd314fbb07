import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DispatchView } from '@whistle/shared';
import { formatDuration } from '../common/duration';
import { useNow } from '../common/useNow';
import { countdownTone, runningStage } from './stage';
import type { FeedNames } from './describe-event';

interface WhistleGroup {
  whistleId: string;
  first: DispatchView;
  dispatches: DispatchView[];
}

function groupByWhistle(dispatches: readonly DispatchView[]): WhistleGroup[] {
  const groups = new Map<string, WhistleGroup>();
  for (const d of dispatches) {
    if (!d.whistleId) continue; // tasks sent down to streets are not whistles
    const group = groups.get(d.whistleId) ?? { whistleId: d.whistleId, first: d, dispatches: [] };
    group.dispatches.push(d);
    groups.set(d.whistleId, group);
  }
  // Newest whistle first: that is the one the room is talking about.
  return [...groups.values()].sort((a, b) => b.first.createdAt.localeCompare(a.first.createdAt));
}

const MAX_WHISTLES = 12;

/** Right column: open whistles, one row per summoned department with its stage and countdown. */
export function OpenWhistles({
  dispatches,
  names,
}: {
  dispatches: readonly DispatchView[];
  names: FeedNames;
}) {
  const { t } = useTranslation();
  const now = useNow();
  const groups = useMemo(() => groupByWhistle(dispatches).slice(0, MAX_WHISTLES), [dispatches]);
  return (
    <section className="wall-panel wall-whistles">
      <h2>{t('wall.openWhistles')}</h2>
      {groups.length === 0 && <p className="muted">{t('wall.noWhistles')}</p>}
      <ul className="whistles">
        {groups.map((g) => (
          <li key={g.whistleId} className="whistle">
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
                <div key={d.id} className={`countdown countdown--${tone}`} data-testid="countdown">
                  <span className="countdown__dept">{names.department(d.departmentId)}</span>
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
    </section>
  );
}
