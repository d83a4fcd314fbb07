import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { ChangePasswordRequest, LoginRequest } from '@whistle/shared';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'street.fuzimiao' }) @IsString() @MinLength(1) @MaxLength(64) username: string;
  @ApiProperty({ example: 'whistle123' }) @IsString() @MinLength(1) @MaxLength(256) password: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(256) currentPassword: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(256) newPassword: string;
}
