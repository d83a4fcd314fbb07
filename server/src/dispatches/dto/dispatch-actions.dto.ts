import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  CATEGORY_CODES,
  DISPATCH_LIST_SORTS,
  DISPATCH_STATUSES,
  PRIORITIES,
  WHISTLE_TYPES,
  type ArriveRequest,
  type DispatchListSort,
  type DispatchStatus,
  type ListDispatchesQuery,
  type Priority,
  type ResolveRequest,
  type SendTaskRequest,
  type VerifyRequest,
  type WhistleType,
} from '@whistle/shared';
import { PageLimit } from '../../common/page-limit';
import { LngLatDto } from '../../common/lnglat.dto';

export class ArriveDto implements ArriveRequest {
  @ApiPropertyOptional({ type: LngLatDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LngLatDto)
  location?: LngLatDto;
}

export class ResolveDto implements ResolveRequest {
  @ApiProperty({ example: '已现场拆除违建并清运' }) @IsString() @MinLength(2) @MaxLength(5000) note: string;
}

export class VerifyDto implements VerifyRequest {
  @ApiProperty() @IsBoolean() passed: boolean;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 5,
    description: 'Required when a street passes a department’s work; not used for tasks sent down',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  rating?: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) comment?: string;

  @ApiPropertyOptional({ description: 'Required when not passed: why the fix did not hold' })
  @ValidateIf((o: VerifyDto) => o.passed === false)
  @IsString()
  @MinLength(2)
  @MaxLength(1000)
  reason?: string;
}

export class CancelDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}

export class SendTaskDto implements SendTaskRequest {
  @ApiProperty() @IsUUID() streetId: string;
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(200) title: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) description?: string;
  @ApiProperty({ enum: CATEGORY_CODES }) @IsIn(CATEGORY_CODES) category: string;
  @ApiProperty({ enum: PRIORITIES }) @IsIn(PRIORITIES) priority: Priority;
  @ApiProperty({ type: LngLatDto })
  @IsObject()
  @ValidateNested()
  @Type(() => LngLatDto)
  location: LngLatDto;
  @ApiPropertyOptional({ enum: WHISTLE_TYPES, default: 'key_work', description: 'Timer rules to apply' })
  @IsOptional()
  @IsIn(WHISTLE_TYPES)
  type?: WhistleType;
}

export class ListDispatchesDto implements Omit<ListDispatchesQuery, 'status'> {
  @ApiPropertyOptional({ description: 'One status or several, comma-separated', enum: DISPATCH_STATUSES })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',') : value))
  @IsIn(DISPATCH_STATUSES, { each: true })
  status?: DispatchStatus[];
  @ApiPropertyOptional() @IsOptional() @IsUUID() incidentId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() streetId?: string;

  @ApiPropertyOptional({ description: 'Only dispatches with a missed stage (true) or without (false)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({
    enum: DISPATCH_LIST_SORTS,
    default: 'newest',
    description: '`overdue_first`: open overdue dispatches lead, the most stages missed first',
  })
  @IsOptional()
  @IsIn(DISPATCH_LIST_SORTS)
  sort?: DispatchListSort;

  @PageLimit({ default: 100 }) limit?: number;
}
