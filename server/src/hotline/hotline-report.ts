import {
  HOTLINE_ERROR_LIMIT,
  type HotlineImportReport,
  type HotlineOrderResult,
  type HotlineRowError,
} from '@whistle/shared';
import type { FieldError } from './hotline-error';

/** Tallies an import as it streams; keeps the first HOTLINE_ERROR_LIMIT row errors and counts the rest. */
export class HotlineReportBuilder {
  private readonly report: HotlineImportReport = {
    total: 0,
    created: 0,
    duplicates: 0,
    updated: 0,
    failed: 0,
    errors: [],
    errorCount: 0,
  };

  get total(): number {
    return this.report.total;
  }

  read(): void {
    this.report.total++;
  }

  fail(row: number, orderNo: string | null, errors: readonly FieldError[]): void {
    this.report.failed++;
    for (const e of errors) this.error({ row, orderNo, ...e });
  }

  /** An error about the file itself (it could not be read on from `row`). */
  error(error: HotlineRowError): void {
    this.report.errorCount++;
    if (this.report.errors.length < HOTLINE_ERROR_LIMIT) this.report.errors.push(error);
  }

  written(results: readonly HotlineOrderResult[]): void {
    for (const r of results) {
      switch (r.outcome) {
        case 'created':
          this.report.created++;
          break;
        case 'duplicate':
          this.report.duplicates++;
          break;
        case 'updated':
          this.report.updated++;
          break;
      }
    }
  }

  result(): HotlineImportReport {
    return this.report;
  }
}
