import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import type { SiteCheckRequest } from '@whistle/shared';

export const MAX_SITE_CHECK_NOTE = 500;

/** 现场核查: did the fix hold? When it did not, the street needs to know what is still wrong. */
export class SiteCheckDto implements SiteCheckRequest {
  @ApiProperty({ example: false }) @IsBoolean() fixed: boolean;

  // Validated when given, and always when the fix did not hold (then it is required).
  @ApiPropertyOptional({ example: '摊位仍在原处，晚间复摆', maxLength: MAX_SITE_CHECK_NOTE })
  @ValidateIf((o: SiteCheckDto) => o.fixed !== true || o.note !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_SITE_CHECK_NOTE)
  @Matches(/\S/, { message: 'note must not be blank' })
  note?: string;
}
