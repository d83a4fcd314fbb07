import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { MetricsSummary } from '@whistle/shared';
import { useNames } from '../../i18n/names';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

/** A performance mark the benchmark reads: the KPI strip shows numbers. */
export const KPIS_READY_MARK = 'wall:kpis-ready';

/**
 * Left column: KPI cards and open incidents by category, from the pushed metrics summary. The six
 * cards DESIGN §7 names, and the open incidents and whistles, in four rows of two.
 */
export function KpiCards({ metrics }: { metrics: MetricsSummary | undefined }) {
  const { t } = useTranslation();
  const names = useNames();
  const ready = metrics !== undefined;
  useEffect(() => {
    if (ready && performance.getEntriesByName(KPIS_READY_MARK).length === 0)
      performance.mark(KPIS_READY_MARK);
  }, [ready]);
  if (!metrics) return <section className="wall-panel wall-kpis" />;
  const cards: { key: string; label: string; value: string; hint?: string; alert?: boolean }[] = [
    { key: 'whistles', label: t('wall.kpi.whistlesToday'), value: String(metrics.whistles.today) },
    { key: 'reported', label: t('wall.kpi.reportedIn'), value: String(metrics.departmentsReportedIn.today) },
    { key: 'onTime', label: t('wall.kpi.onTimeArrival'), value: percent(metrics.rates.onTimeArrival) },
    { key: 'resolution', label: t('wall.kpi.resolution'), value: percent(metrics.rates.resolution) },
    {
      key: 'satisfaction',
      label: t('wallPlus.kpi.satisfaction'),
      value: percent(metrics.citizenSatisfaction.rate),
      hint: t('wallPlus.kpi.satisfactionFormula', { answered: metrics.citizenSatisfaction.answered }),
    },
    { key: 'open', label: t('wall.kpi.openIncidents'), value: String(metrics.open.incidents) },
    { key: 'openWhistles', label: t('wallPlus.kpi.openWhistles'), value: String(metrics.open.whistles) },
    {
      key: 'overdue',
      label: t('wall.kpi.overdue'),
      value: String(metrics.overdueNow),
      alert: metrics.overdueNow > 0,
    },
  ];
  const byCategory = [...metrics.open.byCategory].sort((a, b) => b.incidents - a.incidents).slice(0, 8);
  const max = Math.max(1, ...byCategory.map((c) => c.incidents));
  return (
    <section className="wall-panel wall-kpis">
      <div className="kpi-grid">
        {cards.map((card) => (
          <div
            key={card.key}
            className={card.alert ? 'kpi kpi--alert' : 'kpi'}
            data-testid={`kpi-${card.key}`}
          >
            <span className="kpi__value">{card.value}</span>
            <span className="kpi__label">{card.label}</span>
            {card.hint && <span className="kpi__hint">{card.hint}</span>}
          </div>
        ))}
      </div>
      <h2>{t('wall.byCategory')}</h2>
      <ul className="bars">
        {byCategory.map((c) => (
          <li key={c.category}>
            <span className="bars__label">{names.category(c.category)}</span>
            <span className="bars__bar" style={{ width: `${(c.incidents / max) * 100}%` }} />
            <span className="bars__value">{c.incidents}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
