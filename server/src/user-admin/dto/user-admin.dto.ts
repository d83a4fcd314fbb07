import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
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
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  ROLES,
  type CreateUserRequest,
  type ResetPasswordRequest,
  type Role,
  type UpdateUserRequest,
} from '@whistle/shared';
import { PageLimit } from '../../common/page-limit';

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** Where a user works: their street or department, and a grid worker's grids. */
class UserScopeDto {
  @ApiPropertyOptional() @IsOptional() @ValidateIf((_o, v) => v !== null) @IsUUID() streetId?: string | null;
  @ApiPropertyOptional() @IsOptional() @ValidateIf((_o, v) => v !== null) @IsUUID() departmentId?:
    string | null;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  gridIds?: string[];
}

export class ResetPasswordDto implements ResetPasswordRequest {
  // Absent means "generate one"; null is no password (IsOptional would let it through to the policy check).
  @ApiPropertyOptional()
  @ValidateIf((_o, v) => v !== undefined)
  @IsString()
  @MaxLength(128)
  temporaryPassword?: string;
}

export class CreateUserDto
  extends IntersectionType(UserScopeDto, ResetPasswordDto)
  implements CreateUserRequest
{
  @ApiProperty({ example: 'street.fuzimiao.02' })
  @IsString()
  @Matches(USERNAME, {
    message: 'username must be 3–64 lower-case letters, digits, dots, dashes or underscores',
  })
  username: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(64) displayName: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: Role;
}

export class UpdateUserDto extends UserScopeDto implements UpdateUserRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(64) displayName?: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class ListUsersQuery {
  /** Matches the user name or display name. */
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) q?: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
  @PageLimit() limit?: number;
  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page?: number;
}
