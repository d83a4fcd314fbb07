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
  ValidateBy,
} from 'class-validator';
import {
  CATEGORY_CODES,
  INCIDENT_LIST_SORTS,
  INCIDENT_STATUSES,
  PRIORITIES,
  type IncidentListSort,
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

  @ApiPropertyOptional({
    enum: INCIDENT_LIST_SORTS,
    default: 'newest',
    description:
      '`overdue_first`: incidents with an overdue dispatch, then those waiting for a whistle, oldest first; pages by `page`',
  })
  @IsOptional()
  @IsIn(INCIDENT_LIST_SORTS)
  sort?: IncidentListSort;

  @PageLimit({ default: 50 }) limit?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) page?: number;
  @ApiPropertyOptional({ description: 'Next page of `newest` (the nextCursor of the previous page)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @ValidateBy({
    name: 'cursorFollowsNewest',
    validator: {
      validate: (_value, args) => (args?.object as ListIncidentsDto).sort !== 'overdue_first',
      defaultMessage: () => 'cursor pages sort=newest only; page sort=overdue_first with page',
    },
  })
  cursor?: string;
}
