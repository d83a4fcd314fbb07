import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DispatchView, ReassignedDispatchView, SupervisionView } from '@whistle/shared';
import type { AuthUser } from '../access/auth-user';
import { CurrentUser, Roles } from '../access/decorators';
import { ReasonDto } from '../common/reason.dto';
import { uuidParam } from '../common/uuid-param';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { DispatchQueries } from './dispatch-queries.service';
import { DispatchesService } from './dispatches.service';
import { ReassignDto, SuperviseDto } from './dto/command-desk.dto';
import {
  ArriveDto,
  CancelDto,
  ListDispatchesDto,
  ResolveDto,
  SendTaskDto,
  VerifyDto,
} from './dto/dispatch-actions.dto';
import { OversightService } from './oversight.service';
import { TasksService } from './tasks.service';

/**
 * Who may fire each action is decided per dispatch from the state machine's parties (assignee,
 * requester, oversight) and the user's scope, so these routes take any role.
 */
@ApiTags('dispatches')
@ApiBearerAuth()
@Controller('dispatches')
export class DispatchesController {
  constructor(
    private readonly dispatches: DispatchesService,
    private readonly queries: DispatchQueries,
    private readonly tasks: TasksService,
    private readonly oversight: OversightService,
  ) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ListDispatchesDto): Promise<DispatchView[]> {
    return this.queries.list(user, query);
  }

  /** A department, or the district command, sends a task down to a street (dept_to_street). */
  @Post('tasks')
  @Idempotent()
  @Roles('dept_officer', 'district_operator')
  sendTask(@CurrentUser() user: AuthUser, @Body() body: SendTaskDto): Promise<DispatchView> {
    return this.tasks.send(user, body);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam) id: string): Promise<DispatchView> {
    return this.queries.get(user, id);
  }

  @Post(':id/accept')
  @HttpCode(200)
  accept(@CurrentUser() user: AuthUser, @Param('id', uuidParam) id: string): Promise<DispatchView> {
    return this.dispatches.accept(user, id);
  }

  /** Reject (department) or return a task sent down (street, only when off the admission list). */
  @Post(':id/reject')
  @HttpCode(200)
  reject(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam) id: string,
    @Body() body: ReasonDto,
  ): Promise<DispatchView> {
    return this.dispatches.reject(user, id, body.reason);
  }

  /** 报到 */
  @Post(':id/arrive')
  @HttpCode(200)
  arrive(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam) id: string,
    @Body() body: ArriveDto,
  ): Promise<DispatchView> {
    return this.dispatches.arrive(user, id, body);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  resolve(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam) id: string,
    @Body() body: ResolveDto,
  ): Promise<DispatchView> {
    return this.dispatches.resolve(user, id, body.note);
  }

  @Post(':id/verify')
  @HttpCode(200)
  verify(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam) id: string,
    @Body() body: VerifyDto,
  ): Promise<DispatchView> {
    return this.dispatches.verify(user, id, body);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam) id: string,
    @Body() body: CancelDto,
  ): Promise<DispatchView> {
    return this.dispatches.cancel(user, id, body.reason);
  }

  /** 督办: the district command's supervising note to the department of an open dispatch. */
  @Post(':id/supervise')
  @Idempotent()
  @Roles('district_operator', 'admin')
  supervise(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam) id: string,
    @Body() body: SuperviseDto,
  ): Promise<SupervisionView> {
    return this.oversight.supervise(user, id, body.note);
  }

  /** 改派: cancel this dispatch and open one for another department, in one transaction. */
  @Post(':id/reassign')
  @Idempotent()
  @Roles('district_operator', 'admin')
  reassign(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam) id: string,
    @Body() body: ReassignDto,
  ): Promise<ReassignedDispatchView> {
    return this.oversight.reassign(user, id, body);
  }
}
