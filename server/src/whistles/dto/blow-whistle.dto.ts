import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { WHISTLE_TYPES, type BlowWhistleRequest, type WhistleType } from '@whistle/shared';

export class BlowWhistleDto implements BlowWhistleRequest {
  @ApiProperty({ enum: WHISTLE_TYPES }) @IsIn(WHISTLE_TYPES) type: WhistleType;

  @ApiProperty({ type: [String], description: 'Departments summoned, one dispatch each' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  departmentIds: string[];

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}
