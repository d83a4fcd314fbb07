import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import type { MergeIncidentRequest, StandingRegisterRequest } from '@whistle/shared';

export class MergeIncidentDto implements MergeIncidentRequest {
  @ApiProperty() @IsUUID() intoIncidentId: string;
}

export class StandingRegisterDto implements StandingRegisterRequest {
  @ApiProperty({ example: '涉及历史遗留产权问题，需市级协调' })
  @IsString()
  @MinLength(2)
  @MaxLength(1000)
  reason: string;
  @ApiProperty({ example: '2027-03-31' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'reviewOn must be a date as YYYY-MM-DD' })
  reviewOn: string;
}
