import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { REPORT_MONTH_PATTERN, type MonthlyReportQuery } from '@whistle/shared';

export class MonthlyReportDto implements MonthlyReportQuery {
  @ApiProperty({ description: 'Calendar month in China time, YYYY-MM', example: '2026-11' })
  @Matches(REPORT_MONTH_PATTERN, { message: 'month must be a calendar month as YYYY-MM' })
  month: string;
}
