import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConnectionIndicator } from '../../features/live/ConnectionIndicator';
import { DEPARTMENT_COLUMNS, STREET_COLUMNS } from '../../features/metrics/columns';
import { heatShares, type HeatMeasure } from '../../features/metrics/heat';
import {
  useGridLoad,
  useMetricsSummary,
  useRankings,
  useTrends,
} from '../../features/metrics/metrics-queries';
import { MetricTiles } from '../../features/metrics/MetricTiles';
import { periodOf, previousPeriod, type PeriodChoice } from '../../features/metrics/period';
import { PeriodPicker } from '../../features/metrics/PeriodPicker';
import { RankingTable } from '../../features/metrics/RankingTable';
import { useLivePeriodRefresh } from '../../features/metrics/useLivePeriodRefresh';
import { useGrids } from '../../features/reference/reference-queries';
import { useSignedIn } from '../../features/session/SessionProvider';
import { UserMenu } from '../../features/session/UserMenu';
import { LanguageToggle } from '../../lib/ui/LanguageToggle';
import { PanelBoundary } from '../../lib/ui/PanelBoundary';
import { useNow } from '../../lib/useNow';
import './leaders.css';

// ECharts and MapLibre are the heavy parts: loaded only when the cockpit opens.
const TrendsChart = lazy(() =>
  import('../../features/metrics/TrendsChart').then((m) => ({ default: m.TrendsChart })),
);
const GridHeatMap = lazy(() =>
  import('../../features/map/GridHeatMap').then((m) => ({ default: m.GridHeatMap })),
);

/** 领导驾驶舱: live tiles, the chosen period's trends, rankings and grid heat, CSV export. */
export function LeadersPage() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const now = useNow(60_000);
  const [choice, setChoice] = useState<PeriodChoice>({ kind: 'week' });
  const [measure, setMeasure] = useState<HeatMeasure>('reported');
  const period = useMemo(() => periodOf(choice, now), [choice, now]);
  const previous = useMemo(() => (period ? previousPeriod(period) : null), [period]);

  const summary = useMetricsSummary();
  const trends = useTrends(period);
  const previousTrends = useTrends(previous);
  const rankings = useRankings(period);
  const gridLoad = useGridLoad(period);
  const grids = useGrids();
  useLivePeriodRefresh(period);

  const shares = useMemo(() => heatShares(gridLoad.data?.grids ?? [], measure), [gridLoad.data, measure]);
  const range = period ? `${period.firstDay}_${period.lastDay}` : '';
  const failed = <p className="cockpit-muted">{t('leaders.panelFailed')}</p>;
  const loading = <p className="cockpit-muted">{t('common.loading')}</p>;

  return (
    <div className="cockpit" data-testid="view-leaders">
      <header className="cockpit-title">
        <div className="cockpit-title__left">
          <ConnectionIndicator />
        </div>
        <h1>{t('leaders.title')}</h1>
        <div className="cockpit-title__right">
          <span data-testid="current-user">
            {user.displayName} · {t(`role.${user.role}`)}
          </span>
          <LanguageToggle />
          <UserMenu />
        </div>
      </header>
      <div className="cockpit-toolbar">
        <PeriodPicker
          choice={choice}
          onChange={setChoice}
          invalid={choice.kind === 'custom' && period === null}
        />
        {period && (
          <span className="cockpit-range" data-testid="period-range">
            {period.firstDay === period.lastDay ? period.firstDay : `${period.firstDay} — ${period.lastDay}`}
          </span>
        )}
      </div>
      <PanelBoundary fallback={failed}>
        <MetricTiles summary={summary.data} trends={trends.data} previous={previousTrends.data} />
      </PanelBoundary>
      <div className="cockpit-body">
        <section className="cockpit-panel cockpit-trends">
          <div className="cockpit-panel__head">
            <h2>{t('leaders.trends.title')}</h2>
          </div>
          <PanelBoundary fallback={failed}>
            <Suspense fallback={loading}>
              {trends.data ? <TrendsChart trends={trends.data} /> : loading}
            </Suspense>
          </PanelBoundary>
        </section>
        <section className="cockpit-panel cockpit-heat">
          <div className="cockpit-panel__head">
            <h2>{t('leaders.heat.title')}</h2>
            <span className="heat-toggle" role="group">
              {(['reported', 'open'] as const).map((m) => (
                <button
                  key={m}
                  type="button"
                  aria-pressed={measure === m}
                  className={measure === m ? 'is-active' : undefined}
                  data-testid={`heat-${m}`}
                  onClick={() => setMeasure(m)}
                >
                  {t(`leaders.heat.${m}`)}
                </button>
              ))}
            </span>
            <span className="heat-legend" aria-hidden>
              {t('leaders.heat.low')}
              <span className="heat-legend__bar" />
              {t('leaders.heat.high')}
            </span>
          </div>
          <PanelBoundary fallback={failed}>
            <Suspense fallback={loading}>
              {grids.data ? <GridHeatMap grids={grids.data} shares={shares} /> : loading}
            </Suspense>
          </PanelBoundary>
        </section>
        <div className="cockpit-rankings">
          <PanelBoundary fallback={failed}>
            {rankings.data ? (
              <>
                <RankingTable
                  testId="department-ranking"
                  title={t('leaders.departments.title')}
                  columns={DEPARTMENT_COLUMNS}
                  rows={rankings.data.departments}
                  initialSort={{ column: 'rank', direction: 'asc' }}
                  exportName={`${t('leaders.departments.title')}_${range}`}
                />
                <RankingTable
                  testId="street-ranking"
                  title={t('leaders.streets.title')}
                  columns={STREET_COLUMNS}
                  rows={rankings.data.streets}
                  initialSort={{ column: 'incidents', direction: 'desc' }}
                  exportName={`${t('leaders.streets.title')}_${range}`}
                />
              </>
            ) : (
              <section className="cockpit-panel">{rankings.isError ? failed : loading}</section>
            )}
          </PanelBoundary>
        </div>
      </div>
    </div>
  );
}
