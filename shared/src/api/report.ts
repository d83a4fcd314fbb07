import type { DEPARTMENT_SCORE_WEIGHTS, STREET_SCORE_WEIGHTS } from '../metrics/scoring';
import type { IsoTime } from './views';

/**
 * The monthly assessment report (月度考核): DESIGN.md §3's department and street figures over one
 * calendar month in China time (00:00 on the 1st, Asia/Shanghai, to 00:00 on the 1st of the next).
 * For the district's roles only; a department's line holds aggregates, never who rated it (背对背).
 */

/** `YYYY-MM`, a calendar month. */
export const REPORT_MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The first month a report can be asked for: nothing in Whistle is older. */
export const FIRST_REPORT_MONTH = '2020-01';

export interface MonthlyReportQuery {
  month: string;
}

/**
 * One department over the month's dispatches (those sent to it in the month). Rates are 0..1, null
 * when nothing was due; the score weighs them by DEPARTMENT_SCORE_WEIGHTS.
 */
export interface MonthlyDepartmentLine {
  id: string;
  nameZh: string;
  nameEn: string;
  dispatches: number;
  /** Accepted before the accept deadline, of those accepted or due (响应率). */
  responseRate: number | null;
  /** Arrived before the arrive deadline, of those arrived or due (按时报到率). */
  onTimeArrivalRate: number | null;
  /** Resolved, of those neither rejected nor cancelled (办结率). */
  resolutionRate: number | null;
  /** Re-opened by the street, of those ever resolved (返工率). */
  reopenRate: number | null;
  /** The streets' ratings of the month's dispatches, 1..5, averaged over all streets. */
  averageRating: number | null;
  ratings: number;
  /** 0..100 (departmentScore). */
  score: number;
  rank: number;
}

/** One street over the month: its incidents, whistles and the dispatches it sent. */
export interface MonthlyStreetLine {
  id: string;
  nameZh: string;
  nameEn: string;
  /** Incidents reported in the month, duplicates and refused reports left out. */
  incidents: number;
  whistles: number;
  dispatches: number;
  /** Of the dispatches it sent, resolved (as the department score counts it). */
  resolutionRate: number | null;
  reopenRate: number | null;
  /** Whistles per incident (fewer is better: 小事不出社区). */
  whistleRate: number | null;
  /**
   * Citizens' 满意率 of the month's incidents: satisfied or basically satisfied, of those who
   * answered. Shown beside the score; the score does not weigh it.
   */
  satisfactionRate: number | null;
  satisfactionAnswers: number;
  /** 0..100 (streetScore). */
  score: number;
  rank: number;
}

export interface MonthlyReport {
  month: string;
  district: { id: string; nameZh: string; nameEn: string };
  from: IsoTime;
  to: IsoTime;
  generatedAt: IsoTime;
  /** The month is still running: its figures will change. */
  partial: boolean;
  weights: { department: typeof DEPARTMENT_SCORE_WEIGHTS; street: typeof STREET_SCORE_WEIGHTS };
  departments: MonthlyDepartmentLine[];
  streets: MonthlyStreetLine[];
}
