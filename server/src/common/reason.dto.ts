import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { RejectRequest } from '@whistle/shared';

export class ReasonDto implements RejectRequest {
  @ApiProperty({ example: '不属于本部门职责' }) @IsString() @MinLength(2) @MaxLength(1000) reason: string;
}
