import { BadRequestException } from '@nestjs/common';
import {
  DEPARTMENT_SCORE_WEIGHTS,
  departmentScore,
  FIRST_REPORT_MONTH,
  rankByScore,
  STREET_SCORE_WEIGHTS,
  streetScore,
  type MonthlyDepartmentLine,
  type MonthlyReport,
  type MonthlyStreetLine,
} from '@whistle/shared';
import { departmentPerformance, ratio, shownRating } from './dispatch-rates';
import type { DepartmentPeriodInput, StreetPeriodInput } from './period-queries';
import { streetPerformance } from './rankings';
import { shanghaiMonth, shanghaiMonthKey, type ShanghaiMonth } from '../common/shanghai-calendar';

/*
 * The monthly assessment report (月度考核) from the month's counts: the same rates and scores as
 * the leaders' rankings (dispatch-rates.ts, shared scoring), over one calendar month in Beijing
 * time. Pure, so each figure is tested without a database.
 */

/**
 * The month asked for, checked beyond its format: not before Whistle's first month and not in the
 * future (the running month is allowed, marked partial). 400 with the field otherwise.
 */
export function checkReportMonth(month: string, now: Date): ShanghaiMonth & { partial: boolean } {
  const current = shanghaiMonthKey(now);
  // YYYY-MM strings order as the months do.
  if (month > current) throw monthError(`month must not be later than the current month ${current}`);
  if (month < FIRST_REPORT_MONTH) throw monthError(`month must not be earlier than ${FIRST_REPORT_MONTH}`);
  return { ...shanghaiMonth(month), partial: month === current };
}

function monthError(message: string): BadRequestException {
  return new BadRequestException({ message: `Invalid request: ${message}`, fields: { month: [message] } });
}

/** Each department's figures and score, ranked (ties share a rank). Aggregates only (背对背). */
export function departmentLines(rows: readonly DepartmentPeriodInput[]): MonthlyDepartmentLine[] {
  return rankByScore(
    rows.map((row) => {
      const averageRating = shownRating(row.averageRating);
      const performance = departmentPerformance(row, averageRating);
      return {
        id: row.id,
        nameZh: row.nameZh,
        nameEn: row.nameEn,
        dispatches: row.dispatches,
        ...performance,
        ratings: row.ratings,
        score: departmentScore(performance),
      };
    }),
  );
}

/** Each street's figures and score, ranked; the citizens' 满意率 is shown but not weighed. */
export function streetLines(rows: readonly StreetPeriodInput[]): MonthlyStreetLine[] {
  return rankByScore(
    rows.map((row) => {
      const performance = streetPerformance(row);
      return {
        id: row.id,
        nameZh: row.nameZh,
        nameEn: row.nameEn,
        incidents: row.incidents,
        whistles: row.whistles,
        dispatches: row.dispatches,
        ...performance,
        satisfactionRate: ratio(row.satisfied, row.answers),
        satisfactionAnswers: row.answers,
        score: streetScore(performance),
      };
    }),
  );
}

export interface MonthlyReportInput {
  month: string;
  period: ShanghaiMonth & { partial: boolean };
  district: MonthlyReport['district'];
  departments: readonly DepartmentPeriodInput[];
  streets: readonly StreetPeriodInput[];
  now: Date;
}

export function monthlyReport(input: MonthlyReportInput): MonthlyReport {
  return {
    month: input.month,
    district: input.district,
    from: input.period.from.toISOString(),
    to: input.period.to.toISOString(),
    generatedAt: input.now.toISOString(),
    partial: input.period.partial,
    weights: { department: DEPARTMENT_SCORE_WEIGHTS, street: STREET_SCORE_WEIGHTS },
    departments: departmentLines(input.departments),
    streets: streetLines(input.streets),
  };
}
