import { Injectable, NotFoundException } from '@nestjs/common';
import type { MonthlyReport } from '@whistle/shared';
import { DataSource } from 'typeorm';
import { checkReportMonth, monthlyReport } from './monthly-report';
import { streetDispatchCounts } from './monthly-report-queries';
import { departmentPeriodRows, streetPeriodRows } from './period-queries';
import { readSnapshot } from './snapshot-read';
import { sql } from './sql';

/** 月度考核: one district's departments and streets over a calendar month in Beijing time. */
@Injectable()
export class MonthlyReportService {
  constructor(private readonly dataSource: DataSource) {}

  async report(districtId: string, month: string, now = new Date()): Promise<MonthlyReport> {
    const period = checkReportMonth(month, now);
    // One snapshot, so the departments' and the streets' tables count the same dispatches.
    const [districts, departments, streetRows, dispatchCounts] = await readSnapshot(this.dataSource, (run) =>
      Promise.all([
        run<MonthlyReport['district']>(sql`
          SELECT id AS "id", name_zh AS "nameZh", name_en AS "nameEn" FROM districts WHERE id = ${districtId}`),
        departmentPeriodRows(run, districtId, period, now),
        streetPeriodRows(run, districtId, period, now),
        streetDispatchCounts(run, districtId, period, now),
      ]),
    );
    const countsOf = new Map(dispatchCounts.map((c) => [c.id, c]));
    // The street rates are the dispatches' (streetDispatchCounts says why they come from there).
    const streets = streetRows.map((row) => ({ ...row, ...countsOf.get(row.id) }));
    const [district] = districts;
    if (!district) throw new NotFoundException('The district no longer exists');
    return monthlyReport({ month, period, district, departments, streets, now });
  }
}
