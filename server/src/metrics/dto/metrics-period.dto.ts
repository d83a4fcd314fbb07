import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import {
  TREND_BUCKETS,
  type MetricsPeriodQuery,
  type MetricsTrendsQuery,
  type TrendBucket,
} from '@whistle/shared';

export class MetricsPeriodDto implements MetricsPeriodQuery {
  @ApiProperty({
    description: 'Start of the period (inclusive), ISO-8601',
    example: '2026-11-01T00:00:00+08:00',
  })
  @IsISO8601({ strict: true })
  from: string;

  @ApiProperty({
    description: 'End of the period (exclusive), ISO-8601',
    example: '2026-11-08T00:00:00+08:00',
  })
  @IsISO8601({ strict: true })
  to: string;
}

export class MetricsTrendsDto extends MetricsPeriodDto implements MetricsTrendsQuery {
  @ApiPropertyOptional({ enum: TREND_BUCKETS, default: 'day' })
  @IsOptional()
  @IsIn(TREND_BUCKETS)
  bucket?: TrendBucket;
}
