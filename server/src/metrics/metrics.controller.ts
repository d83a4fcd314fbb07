import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MetricsSummary } from '@whistle/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { metricsScopeOf } from './metrics-scope';
import { MetricsService } from './metrics.service';

@ApiTags('metrics')
@ApiBearerAuth()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get('summary')
  @Roles('district_operator', 'district_leader', 'admin', 'street_operator', 'dept_officer')
  @ApiOperation({
    summary: 'Live metrics for the caller’s scope',
    description:
      'District roles get the district, a street operator their street, a department officer their ' +
      'department. Rankings are district-wide aggregates in every scope.',
  })
  @ApiOkResponse({ description: 'MetricsSummary (see @whistle/shared)' })
  @ApiForbiddenResponse({ description: 'Grid workers have no metrics view' })
  summary(@CurrentUser() user: AuthUser): Promise<MetricsSummary> {
    return this.metrics.summary(metricsScopeOf(user));
  }
}
