import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { AUDIT_ACTIONS, type AuditAction } from '@whistle/shared';
import { PageLimit } from '../../common/page-limit';

export class AuditQuery {
  @ApiPropertyOptional({ enum: AUDIT_ACTIONS }) @IsOptional() @IsIn(AUDIT_ACTIONS) action?: AuditAction;
  @ApiPropertyOptional() @IsOptional() @IsUUID() actorId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) targetType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(128) targetId?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) to?: string;
  /** The previous page's nextCursor: rows older than this id. */
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: 'before must be an audit entry id' })
  before?: string;
  @PageLimit() limit?: number;
}
