import { useTranslation } from 'react-i18next';
import type { MetricsSummary, MetricsTrends } from '@whistle/shared';
import { formatDuration } from '../../lib/duration';
import { decimal, percent } from './format';

interface Tile {
  key: string;
  label: string;
  value: string;
  /** Change versus the previous period, e.g. "+12%". */
  change?: string;
  alert?: boolean;
}

function total(trends: MetricsTrends | undefined, key: 'incidents' | 'whistles'): number | null {
  return trends ? trends.points.reduce((sum, p) => sum + p[key], 0) : null;
}

/** Relative change, or null when the previous period had nothing to compare with. */
export function changeVersus(current: number | null, previous: number | null): string | null {
  if (current === null || previous === null || previous === 0) return null;
  const change = Math.round(((current - previous) / previous) * 100);
  return `${change > 0 ? '+' : ''}${change}%`;
}

/** Live tiles from the pushed summary, and the period's totals against the previous period. */
export function MetricTiles({
  summary,
  trends,
  previous,
}: {
  summary: MetricsSummary | undefined;
  trends: MetricsTrends | undefined;
  previous: MetricsTrends | undefined;
}) {
  const { t } = useTranslation();
  const periodTile = (key: 'incidents' | 'whistles'): Tile => {
    const current = total(trends, key);
    const change = changeVersus(current, total(previous, key));
    return {
      key: `period-${key}`,
      label: t(`leaders.tiles.period.${key}`),
      value: current === null ? '—' : String(current),
      ...(change ? { change: t('leaders.tiles.vsPrevious', { change }) } : {}),
    };
  };
  const arriveP50 = summary?.timeTo.arrive.p50Seconds ?? null;
  const tiles: Tile[] = [
    periodTile('incidents'),
    periodTile('whistles'),
    { key: 'open', label: t('leaders.tiles.open'), value: summary ? String(summary.open.incidents) : '—' },
    {
      key: 'overdue',
      label: t('leaders.tiles.overdue'),
      value: summary ? String(summary.overdueNow) : '—',
      alert: (summary?.overdueNow ?? 0) > 0,
    },
    {
      key: 'whistlesToday',
      label: t('leaders.tiles.whistlesToday'),
      value: summary ? String(summary.whistles.today) : '—',
    },
    {
      key: 'reportedIn',
      label: t('leaders.tiles.reportedIn'),
      value: summary ? String(summary.departmentsReportedIn.today) : '—',
    },
    {
      key: 'onTime',
      label: t('leaders.tiles.onTimeArrival'),
      value: percent(summary?.rates.onTimeArrival ?? null),
    },
    {
      key: 'resolution',
      label: t('leaders.tiles.resolution'),
      value: percent(summary?.rates.resolution ?? null),
    },
    {
      key: 'arriveP50',
      label: t('leaders.tiles.arriveP50'),
      value: arriveP50 === null ? '—' : formatDuration(t, arriveP50 * 1000),
    },
    { key: 'rating', label: t('leaders.tiles.rating'), value: decimal(summary?.ratings.average ?? null, 2) },
  ];
  return (
    <section className="cockpit-tiles" data-testid="leaders-tiles">
      {tiles.map((tile) => (
        <div
          key={tile.key}
          className={tile.alert ? 'tile tile--alert' : 'tile'}
          data-testid={`tile-${tile.key}`}
        >
          <span className="tile__value">{tile.value}</span>
          <span className="tile__label">{tile.label}</span>
          {tile.change && <span className="tile__change">{tile.change}</span>}
        </div>
      ))}
    </section>
  );
}
