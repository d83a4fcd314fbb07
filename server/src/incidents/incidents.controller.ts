import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  CreatedIncidentView,
  IncidentPointsView,
  IncidentView,
  Page,
  SiteCheckView,
  StandingEntryView,
} from '@whistle/shared';
import type { AuthUser } from '../access/auth-user';
import { CurrentUser, Roles } from '../access/decorators';
import { ReasonDto } from '../common/reason.dto';
import { uuidParam } from '../common/uuid-param';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { CreateIncidentDto } from './dto/create-incident.dto';
import { MergeIncidentDto, StandingRegisterDto } from './dto/incident-actions.dto';
import { ListIncidentsDto } from './dto/list-incidents.dto';
import { SiteCheckDto } from './dto/site-check.dto';
import { IncidentPointsQuery } from './incident-points';
import { IncidentQueries } from './incident-queries.service';
import { IncidentsService } from './incidents.service';
import { SiteChecksService } from './site-checks.service';
import { StandingRegister } from './standing-register';

const TRIAGE = ['street_operator', 'district_operator', 'admin'] as const;

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('incidents')
export class IncidentsController {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly queries: IncidentQueries,
    private readonly siteChecks: SiteChecksService,
    private readonly points: IncidentPointsQuery,
    private readonly standingRegister: StandingRegister,
  ) {}

  @Post()
  @Idempotent()
  @Roles('street_operator', 'grid_worker', 'district_operator', 'admin')
  create(@CurrentUser() user: AuthUser, @Body() body: CreateIncidentDto): Promise<CreatedIncidentView> {
    return this.incidents.create(user, body);
  }

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ListIncidentsDto): Promise<Page<IncidentView>> {
    return this.queries.list(user, query);
  }

  /** The wall map's initial set, compact; declared before ':id', which would otherwise take "points". */
  @Get('points')
  openPoints(@CurrentUser() user: AuthUser): Promise<IncidentPointsView> {
    return this.points.open(user);
  }

  /** 挂账台账: every incident on the standing register, the earliest review date first (before ':id'). */
  @Get('standing')
  @Roles('district_operator', 'district_leader', 'admin')
  standingList(): Promise<StandingEntryView[]> {
    return this.standingRegister.list();
  }

  /** 立案 */
  @Post(':id/register')
  @HttpCode(200)
  @Roles(...TRIAGE)
  register(@CurrentUser() user: AuthUser, @Param('id', uuidParam) id: string): Promise<IncidentView> {
    return this.incidents.register(user, id);
  }

  /** 不予立案 */
  @Post(':id/reject')
  @HttpCode(200)
  @Roles(...TRIAGE)
  reject(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam) id: string,
    @Body() body: ReasonDto,
  ): Promise<IncidentView> {
    return this.incidents.reject(user, id, body.reason);
  }

  @Post(':id/merge')
  @HttpCode(200)
  @Roles(...TRIAGE)
  merge(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam) id: string,
    @Body() body: MergeIncidentDto,
  ): Promise<IncidentView> {
    return this.incidents.merge(user, id, body.intoIncidentId);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles(...TRIAGE)
  close(@CurrentUser() user: AuthUser, @Param('id', uuidParam) id: string): Promise<IncidentView> {
    return this.incidents.close(user, id);
  }

  /** 现场核查: the grid worker of the incident's grid checks a resolved fix before the street verifies. */
  @Post(':id/site-checks')
  @Idempotent()
  @Roles('grid_worker')
  siteCheck(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam) id: string,
    @Body() body: SiteCheckDto,
  ): Promise<SiteCheckView> {
    return this.siteChecks.check(user, id, body);
  }

  /** 挂账: the district puts the incident on the standing register with a reason and review date. */
  @Post(':id/standing')
  @HttpCode(200)
  @Roles('district_operator', 'admin')
  standing(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam) id: string,
    @Body() body: StandingRegisterDto,
  ): Promise<IncidentView> {
    return this.incidents.putOnStandingRegister(user, id, body);
  }

  /** 销账: the district takes the incident off the standing register, saying why. */
  @Post(':id/standing/remove')
  @HttpCode(200)
  @Roles('district_operator', 'admin')
  removeStanding(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam) id: string,
    @Body() body: ReasonDto,
  ): Promise<IncidentView> {
    return this.incidents.removeFromStandingRegister(user, id, body.reason);
  }
}
