import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import type { ReassignDispatchRequest, SuperviseDispatchRequest } from '@whistle/shared';

export class SuperviseDto implements SuperviseDispatchRequest {
  @ApiProperty({ example: '请立即安排人员赶赴现场并报到' })
  @IsString()
  @MinLength(2)
  @MaxLength(1000)
  note: string;
}

export class ReassignDto implements ReassignDispatchRequest {
  @ApiProperty({ description: 'The department the incident is sent to instead' })
  @IsUUID()
  departmentId: string;

  @ApiPropertyOptional({ example: '原部门超时未接单，改派' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(1000)
  reason?: string;
}
