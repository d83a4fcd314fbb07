import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AlertToggle } from '../../features/alerts/AlertToggle';
import { useAlerts } from '../../features/alerts/useAlerts';
import { useDispatchExportColumns } from '../../features/dispatches/dispatch-export';
import { useDispatches } from '../../features/dispatches/dispatch-queries';
import { leaderSummons, waitingCount } from '../../features/leader-inbox/leader-inbox';
import { LeaderInbox } from '../../features/leader-inbox/LeaderInbox';
import { ConnectionIndicator } from '../../features/live/ConnectionIndicator';
import { useLiveRefresh } from '../../features/live/useLiveRefresh';
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
import { TimeToFigures } from '../../features/metrics/TimeToFigures';
import { useLivePeriodRefresh } from '../../features/metrics/useLivePeriodRefresh';
import { useGrids } from '../../features/reference/reference-queries';
import { useSignedIn } from '../../features/session/SessionProvider';
import { useStreetName } from '../../features/reference/useStreetName';
import { UserMenu } from '../../features/session/UserMenu';
import { ExportButtons } from '../../lib/export/ExportButtons';
import { ShortcutSheet } from '../../lib/keyboard/ShortcutSheet';
import { LanguageToggle } from '../../lib/ui/LanguageToggle';
import { PanelBoundary } from '../../lib/ui/PanelBoundary';
import { useNow } from '../../lib/useNow';
import { useInboxShortcuts } from './inbox-shortcuts';
import './leaders.css';

// ECharts and MapLibre are the heavy parts: loaded only when the cockpit opens.
const TrendsChart = lazy(() =>
  import('../../features/metrics/TrendsChart').then((m) => ({ default: m.TrendsChart })),
);
const GridHeatMap = lazy(() =>
  import('../../features/map/GridHeatMap').then((m) => ({ default: m.GridHeatMap })),
);

const TABS = ['cockpit', 'inbox'] as const;
type CockpitTab = (typeof TABS)[number];

/**
 * 领导驾驶舱: live tiles, the chosen period's trends, handling times, rankings and grid heat, CSV
 * export; beside it the leader's inbox of tough whistles (攻坚哨) summoning them, live and alerted.
 */
export function LeadersPage() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const [tab, setTab] = useState<CockpitTab>('cockpit');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const dispatches = useDispatches();
  const summons = useMemo(() => leaderSummons(dispatches.data ?? [], user.id), [dispatches.data, user.id]);
  // A new summons (or any change to one) refetches the list, whichever tab is showing.
  useLiveRefresh();
  const openSummons = (id: string) => {
    setTab('inbox');
    setSelectedId(id);
    alerts.seen(id);
  };
  const alerts = useAlerts({ onOpen: (a) => a.dispatchId && openSummons(a.dispatchId) });
  useInboxShortcuts({ tabs: TABS, tab, setTab });
  const streetName = useStreetName();
  const summonsColumns = useDispatchExportColumns({ header: 'street', name: (d) => streetName(d.streetId) });
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
    <div className={tab === 'inbox' ? 'cockpit cockpit--inbox' : 'cockpit'} data-testid="view-leaders">
      <header className="cockpit-title">
        <div className="cockpit-title__left">
          <ConnectionIndicator />
        </div>
        <h1>{t('leaders.title')}</h1>
        <div className="cockpit-title__right">
          <span data-testid="current-user">
            {user.displayName} · {t(`role.${user.role}`)}
          </span>
          <AlertToggle />
          <ShortcutSheet />
          <LanguageToggle />
          <UserMenu />
        </div>
      </header>
      <div className="cockpit-toolbar">
        <span className="cockpit-tabs" role="tablist">
          {TABS.map((key) => (
            <button
              key={key}
              type="button"
              role="tab"
              aria-selected={tab === key}
              className={tab === key ? 'is-active' : undefined}
              data-testid={`cockpit-tab-${key}`}
              onClick={() => setTab(key)}
            >
              {t(`cockpit.tabs.${key}`)}
              {key === 'inbox' && (
                <span className={`cockpit-tabs__count${alerts.fresh.size > 0 ? ' is-fresh' : ''}`}>
                  {waitingCount(summons)}
                </span>
              )}
            </button>
          ))}
        </span>
        {alerts.standing && (
          <button
            type="button"
            className="cockpit-alarm"
            data-testid="alarm-pill"
            onClick={() => setTab('inbox')}
          >
            {t('cockpit.inbox.newArrived')}
          </button>
        )}
        {tab === 'cockpit' && (
          <PeriodPicker
            choice={choice}
            onChange={setChoice}
            invalid={choice.kind === 'custom' && period === null}
          />
        )}
        {tab === 'cockpit' && period && (
          <span className="cockpit-range" data-testid="period-range">
            {period.firstDay === period.lastDay ? period.firstDay : `${period.firstDay} — ${period.lastDay}`}
          </span>
        )}
        {tab === 'inbox' && (
          <ExportButtons
            rows={summons}
            columns={summonsColumns}
            fileName={t('ops.export.files.summons')}
            testId="inbox-export"
          />
        )}
        <Link className="cockpit-report-link" to="/reports/monthly" data-testid="monthly-report-link">
          {t('report.link')} ›
        </Link>
      </div>
      {tab === 'inbox' ? (
        <PanelBoundary fallback={failed}>
          <LeaderInbox
            summons={summons}
            loading={dispatches.isPending}
            error={dispatches.isError}
            selectedId={selectedId}
            fresh={alerts.fresh}
            onOpen={openSummons}
          />
        </PanelBoundary>
      ) : (
        <>
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
            <section className="cockpit-panel cockpit-figures">
              <div className="cockpit-panel__head">
                <h2>{t('cockpit.figures.title')}</h2>
                <span className="cockpit-figures__hint">{t('cockpit.figures.hint')}</span>
              </div>
              <PanelBoundary fallback={failed}>
                <TimeToFigures timeTo={rankings.data?.timeTo} />
              </PanelBoundary>
              <p className="cockpit-figures__hint">{t('cockpit.figures.whistleRateHint')}</p>
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
                      initialSort={{ column: 'rank', direction: 'asc' }}
                      exportName={`${t('leaders.streets.title')}_${range}`}
                    />
                  </>
                ) : (
                  <section className="cockpit-panel">{rankings.isError ? failed : loading}</section>
                )}
              </PanelBoundary>
            </div>
          </div>
        </>
      )}
    </div>
  );
}
