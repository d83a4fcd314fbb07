import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import {
  CATEGORY_CODES,
  INCIDENT_SOURCES,
  PRIORITIES,
  type CreateIncidentRequest,
  type IncidentSource,
  type Priority,
} from '@whistle/shared';
import { LngLatDto } from '../../common/lnglat.dto';

export class CreateIncidentDto implements CreateIncidentRequest {
  @ApiProperty({ example: '夫子庙步行街占道经营' }) @IsString() @MinLength(2) @MaxLength(200) title: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) description?: string;
  @ApiProperty({ enum: CATEGORY_CODES }) @IsIn(CATEGORY_CODES) category: string;
  @ApiProperty({ enum: PRIORITIES }) @IsIn(PRIORITIES) priority: Priority;
  @ApiProperty({ type: LngLatDto })
  @IsObject()
  @ValidateNested()
  @Type(() => LngLatDto)
  location: LngLatDto;
  @ApiProperty({ enum: INCIDENT_SOURCES }) @IsIn(INCIDENT_SOURCES) source: IncidentSource;
}
