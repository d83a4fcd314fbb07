import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsLatitude,
  IsLongitude,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { CATEGORY_CODES, PRIORITIES, type Priority } from '@whistle/shared';

/** The text fields of a multipart grid-worker report; numbers arrive as strings and are converted. */
export class ReportIncidentDto {
  @ApiProperty({ example: 118.788 }) @Type(() => Number) @IsNumber() @IsLongitude() lng: number;
  @ApiProperty({ example: 32.021 }) @Type(() => Number) @IsNumber() @IsLatitude() lat: number;
  @ApiProperty({ enum: CATEGORY_CODES }) @IsIn(CATEGORY_CODES) category: string;
  @ApiProperty({ minLength: 1, maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  description: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(200) title?: string;
  @ApiPropertyOptional({ enum: PRIORITIES }) @IsOptional() @IsIn(PRIORITIES) priority?: Priority;
}

export class AttachPhotosDto {
  @ApiPropertyOptional({ description: 'links the photos to a dispatch of the incident' })
  @IsOptional()
  @IsUUID()
  dispatchId?: string;
}
