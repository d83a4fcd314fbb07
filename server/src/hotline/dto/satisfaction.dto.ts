import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import type { HotlineSatisfactionRequest } from '@whistle/shared';

export class SatisfactionDto implements HotlineSatisfactionRequest {
  @ApiProperty({
    example: '满意',
    description: '满意 / 基本满意 / 不满意 (or satisfied / basically_satisfied / dissatisfied)',
  })
  @IsString()
  @MaxLength(20)
  result: string;
}
