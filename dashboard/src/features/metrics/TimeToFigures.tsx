import { useTranslation } from 'react-i18next';
import type { DurationStats, MetricsRankings } from '@whistle/shared';
import { formatDuration } from '../../lib/duration';

const STAGES = ['accept', 'arrive', 'resolve'] as const;

/**
 * 处置用时: how long departments took, from dispatch, to respond (accept), arrive (报到) and
 * resolve (办结) — the median and the 90th percentile of the period's dispatches, so one slow
 * case shows in P90 without hiding how the typical one went.
 */
export function TimeToFigures({ timeTo }: { timeTo: MetricsRankings['timeTo'] | undefined }) {
  const { t } = useTranslation();
  const text = (seconds: number | null) => (seconds === null ? '—' : formatDuration(t, seconds * 1000));
  return (
    <table className="time-to" data-testid="time-to-figures">
      <thead>
        <tr>
          <th>{t('cockpit.figures.stage')}</th>
          <th className="num">{t('cockpit.figures.p50')}</th>
          <th className="num">{t('cockpit.figures.p90')}</th>
          <th className="num">{t('cockpit.figures.count')}</th>
        </tr>
      </thead>
      <tbody>
        {STAGES.map((stage) => {
          const stats: DurationStats | undefined = timeTo?.[stage];
          return (
            <tr key={stage} data-testid={`time-to-${stage}`}>
              <th scope="row">{t(`cockpit.figures.${stage}`)}</th>
              <td className="num" data-testid={`time-to-${stage}-p50`}>
                {text(stats?.p50Seconds ?? null)}
              </td>
              <td className="num" data-testid={`time-to-${stage}-p90`}>
                {text(stats?.p90Seconds ?? null)}
              </td>
              <td className="num">{stats ? stats.count : '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
