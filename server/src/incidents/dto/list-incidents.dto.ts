import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  CATEGORY_CODES,
  INCIDENT_STATUSES,
  PRIORITIES,
  type IncidentStatus,
  type ListIncidentsQuery,
  type Priority,
} from '@whistle/shared';
import { PageLimit } from '../../common/page-limit';

const NUMBER = '-?\\d+(\\.\\d+)?';

export class ListIncidentsDto implements ListIncidentsQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() streetId?: string;

  @ApiPropertyOptional({ description: 'One status or several, comma-separated', enum: INCIDENT_STATUSES })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',') : value))
  @IsIn(INCIDENT_STATUSES, { each: true })
  status?: IncidentStatus[];

  @ApiPropertyOptional({ enum: CATEGORY_CODES }) @IsOptional() @IsIn(CATEGORY_CODES) category?: string;
  @ApiPropertyOptional({ enum: PRIORITIES }) @IsOptional() @IsIn(PRIORITIES) priority?: Priority;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'minLng,minLat,maxLng,maxLat' })
  @IsOptional()
  @Matches(new RegExp(`^${NUMBER},${NUMBER},${NUMBER},${NUMBER}$`), {
    message: 'bbox must be minLng,minLat,maxLng,maxLat',
  })
  bbox?: string;

  @ApiPropertyOptional({ description: 'Text in title or description' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @PageLimit({ default: 50 }) limit?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) page?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}
