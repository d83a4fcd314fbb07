import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AdminUserView, Page, TemporaryPasswordResponse } from '@whistle/shared';
import { Audit, type AuditContext } from '../audit/audit-context';
import type { AuthUser } from '../access/auth-user';
import { CurrentUser, Roles } from '../access/decorators';
import { uuidParam } from '../common/uuid-param';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { CreateUserDto, ListUsersQuery, ResetPasswordDto, UpdateUserDto } from './dto/user-admin.dto';
import { UserAdminService } from './user-admin.service';

/** Accounts, for administrators (系统管理 · 用户). */
@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly admin: UserAdminService) {}

  @Get()
  list(@Query() query: ListUsersQuery): Promise<Page<AdminUserView>> {
    return this.admin.list(query);
  }

  @Get(':id')
  get(@Param('id', uuidParam) id: string): Promise<AdminUserView> {
    return this.admin.get(id);
  }

  /** The answer holds the temporary password, shown this once (so a repeat is told, not shown it). */
  @Post()
  @Idempotent({ withholdAnswer: true })
  create(
    @Body() body: CreateUserDto,
    @CurrentUser() admin: AuthUser,
    @Audit() audit: AuditContext,
  ): Promise<TemporaryPasswordResponse> {
    return this.admin.create(body, { ...audit, districtId: admin.districtId });
  }

  @Patch(':id')
  update(
    @Param('id', uuidParam) id: string,
    @Body() body: UpdateUserDto,
    @Audit() audit: AuditContext,
  ): Promise<AdminUserView> {
    return this.admin.update(id, body, audit);
  }

  /** A temporary password (given, or generated and shown once); the user must change it at login. */
  @Post(':id/password-reset')
  @HttpCode(200)
  resetPassword(
    @Param('id', uuidParam) id: string,
    @Body() body: ResetPasswordDto,
    @Audit() audit: AuditContext,
  ): Promise<TemporaryPasswordResponse> {
    return this.admin.resetPassword(id, body, audit);
  }

  @Post(':id/sessions/revoke')
  @HttpCode(200)
  revokeSessions(
    @Param('id', uuidParam) id: string,
    @Audit() audit: AuditContext,
  ): Promise<{ revoked: number }> {
    return this.admin.revokeSessions(id, audit);
  }
}
