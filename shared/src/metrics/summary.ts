import type { IsoTime } from '../api/views';

export interface DurationStats {
  count: number;
  p50Seconds: number | null;
  p90Seconds: number | null;
}

export interface RankingRow {
  id: string;
  nameZh: string;
  nameEn: string;
  score: number;
  rank: number;
  components: Record<string, number | null>;
}

export interface MetricsSummary {
  generatedAt: IsoTime;
  scope: { kind: 'district' | 'street' | 'department'; id: string };
  open: {
    incidents: number;
    whistles: number;
    byStreet: { streetId: string; incidents: number; whistles: number }[];
    byCategory: { category: string; incidents: number }[];
  };
  overdueNow: number;
  whistles: { today: number; month: number; total: number };
  departmentsReportedIn: { today: number; month: number };
  timeTo: { accept: DurationStats; arrive: DurationStats; resolve: DurationStats };
  rates: { resolution: number | null; reopen: number | null; onTimeArrival: number | null };
  whistleRateByStreet: { streetId: string; incidents: number; whistles: number; rate: number | null }[];
  /**
   * A department sees only the daily snapshot published to it, and nothing (both null) until it
   * holds enough ratings (背对背); streets and the district see live figures.
   */
  ratings: { average: number | null; count: number | null };
  /**
   * Citizens' 满意率 this calendar month (China time): of the scope's 12345 orders received this
   * month whose caller answered the return visit, the share satisfied or basically satisfied.
   */
  citizenSatisfaction: { rate: number | null; answered: number };
  /**
   * Ranked across the district. A department's own summary holds only its own row (with its rank
   * among all): departments see their scores only in aggregate, never another department's.
   */
  departmentRanking: RankingRow[];
  streetRanking: RankingRow[];
}

/** The parts of a summary a push can carry; `generatedAt` and `scope` always come along. */
export type MetricsSection = Exclude<keyof MetricsSummary, 'generatedAt' | 'scope'>;

// A record, so that a section added to MetricsSummary cannot be left out of pushes.
const SECTIONS: Record<MetricsSection, true> = {
  open: true,
  overdueNow: true,
  whistles: true,
  departmentsReportedIn: true,
  timeTo: true,
  rates: true,
  whistleRateByStreet: true,
  ratings: true,
  citizenSatisfaction: true,
  departmentRanking: true,
  streetRanking: true,
};

export const METRICS_SECTIONS = Object.keys(SECTIONS) as readonly MetricsSection[];

/**
 * A metrics push (`metrics.updated`): the sections that changed since the previous push. A wall
 * of thousands of screens gets a few hundred bytes when an incident is raised, not the whole
 * summary with both rankings; a client merges it into the summary it fetched.
 */
export type MetricsUpdate = Pick<MetricsSummary, 'generatedAt' | 'scope'> &
  Partial<Pick<MetricsSummary, MetricsSection>>;

/** The summary after a push; a push for another scope leaves it as it was. */
export function mergeMetricsUpdate(summary: MetricsSummary, update: MetricsUpdate): MetricsSummary {
  if (summary.scope.kind !== update.scope.kind || summary.scope.id !== update.scope.id) return summary;
  return { ...summary, ...update };
}
