import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, Max, Min, ValidateNested } from 'class-validator';
import { PRIORITIES, WHISTLE_TYPES, type Priority, type TimerRule, type WhistleType } from '@whistle/shared';
import { Audit, type AuditContext } from '../audit/audit-context';
import { Roles } from '../access/decorators';
import { TimerRulesService } from './timer-rules.service';

const MAX_MINUTES = 365 * 24 * 60;

class StageLimitsDto {
  @IsInt() @Min(1) @Max(MAX_MINUTES) accept: number;
  @IsInt() @Min(1) @Max(MAX_MINUTES) arrive: number;
  @IsInt() @Min(1) @Max(MAX_MINUTES) resolve: number;
}

class TimerRuleDto implements TimerRule {
  @IsIn(WHISTLE_TYPES) whistleType: WhistleType;
  @IsIn([...PRIORITIES, 'any']) priority: Priority | 'any';
  @IsObject() @ValidateNested() @Type(() => StageLimitsDto) limits: StageLimitsDto;
}

@ApiTags('timer-rules')
@ApiBearerAuth()
@Controller('timer-rules')
export class TimerRulesController {
  constructor(private readonly rules: TimerRulesService) {}

  @Get()
  list(): Promise<TimerRule[]> {
    return this.rules.list();
  }

  /** Sets the stage limits (minutes) for a whistle type and priority; applies to whistles blown after. */
  @Put()
  @Roles('admin')
  put(@Body() body: TimerRuleDto, @Audit() audit: AuditContext): Promise<TimerRule[]> {
    return this.rules.upsert(body, audit);
  }
}
