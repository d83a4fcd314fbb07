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
