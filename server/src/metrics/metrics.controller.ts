import { Controller, ForbiddenException, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type {
  DepartmentStandingView,
  GridLoad,
  MetricsRankings,
  MetricsSummary,
  MetricsTrends,
} from '@whistle/shared';
import type { AuthUser } from '../access/auth-user';
import { CurrentUser, Roles } from '../access/decorators';
import { MetricsPeriodDto, MetricsTrendsDto } from './dto/metrics-period.dto';
import { checkPeriod } from './metrics-period';
import { metricsScopeOf } from './metrics-scope';
import { MetricsService } from './metrics.service';
import { PeriodMetricsService } from './period-metrics.service';

/** The leaders' view: who may look at the whole district over a chosen period. */
const DISTRICT_VIEWERS = ['district_leader', 'district_operator', 'admin'] as const;

@ApiTags('metrics')
@ApiBearerAuth()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    private readonly period: PeriodMetricsService,
  ) {}

  @Get('summary')
  @Roles('district_operator', 'district_leader', 'admin', 'street_operator', 'dept_officer')
  @ApiOperation({
    summary: 'Live metrics for the caller’s scope',
    description:
      'District roles get the district, a street operator their street, a department officer their ' +
      'department. Rankings are ranked district-wide; a department officer is shown only their own ' +
      'department’s row of the department ranking (its rank among all), nothing of other departments. ' +
      'A department officer sees rating figures (and the scores that weigh them) only from a daily ' +
      'snapshot of at least 5 ratings, null before (back-to-back).',
  })
  @ApiOkResponse({ description: 'MetricsSummary (see @whistle/shared)' })
  @ApiForbiddenResponse({ description: 'Grid workers have no metrics view' })
  summary(@CurrentUser() user: AuthUser): Promise<MetricsSummary> {
    return this.metrics.summary(metricsScopeOf(user));
  }

  @Get('trends')
  @Roles(...DISTRICT_VIEWERS)
  @ApiOperation({ summary: 'Incidents, whistles, arrivals and resolutions per hour or Beijing day' })
  @ApiOkResponse({ description: 'MetricsTrends (see @whistle/shared)' })
  @ApiBadRequestResponse({ description: 'from/to missing, reversed or too far apart' })
  trends(@CurrentUser() user: AuthUser, @Query() query: MetricsTrendsDto): Promise<MetricsTrends> {
    const bucket = query.bucket ?? 'day';
    return this.period.trends(user.districtId, checkPeriod(query.from, query.to, bucket), bucket);
  }

  @Get('rankings')
  @Roles(...DISTRICT_VIEWERS)
  @ApiOperation({ summary: 'Department and street figures over a period' })
  @ApiOkResponse({ description: 'MetricsRankings (see @whistle/shared)' })
  rankings(@CurrentUser() user: AuthUser, @Query() query: MetricsPeriodDto): Promise<MetricsRankings> {
    return this.period.rankings(user.districtId, checkPeriod(query.from, query.to));
  }

  @Get('grid-load')
  @Roles(...DISTRICT_VIEWERS)
  @ApiOperation({ summary: 'Per grid: incidents reported in the period and open now (the heat map)' })
  @ApiOkResponse({ description: 'GridLoad (see @whistle/shared)' })
  gridLoad(@CurrentUser() user: AuthUser, @Query() query: MetricsPeriodDto): Promise<GridLoad> {
    return this.period.gridLoad(user.districtId, checkPeriod(query.from, query.to));
  }

  @Get('department-standing')
  @Roles('dept_officer')
  @ApiOperation({
    summary: 'The caller’s own department: its score and rank over a period',
    description:
      'Only the caller’s department, never another one’s figures. Scores weigh the ratings published to ' +
      'departments (daily snapshots of at least 5 ratings), never live ones (back-to-back).',
  })
  @ApiOkResponse({ description: 'DepartmentStandingView (see @whistle/shared)' })
  @ApiBadRequestResponse({ description: 'from/to missing, reversed or too far apart' })
  @ApiForbiddenResponse({ description: 'Only department duty officers have a department to rank' })
  departmentStanding(
    @CurrentUser() user: AuthUser,
    @Query() query: MetricsPeriodDto,
  ): Promise<DepartmentStandingView> {
    const scope = metricsScopeOf(user);
    if (scope.kind !== 'department') throw new ForbiddenException('Only a department has a standing');
    return this.period.departmentStanding(
      scope.districtId,
      scope.departmentId,
      checkPeriod(query.from, query.to),
    );
  }
}
