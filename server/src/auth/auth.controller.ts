import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { LoginResponse, UserView } from '@whistle/shared';
import { Audit, type AuditContext } from '../audit/audit-context';
import { databaseOutage } from '../common/database-unavailable';
import { notFound } from '../common/errors';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RateLimited } from '../rate-limits/rate-limited.decorator';
import { UsersService } from '../users/users.service';
import type { AuthUser } from '../access/auth-user';
import { CurrentUser, DuringPasswordChange, Public } from '../access/decorators';
import { ChangePasswordDto, LoginDto } from './dto/login.dto';
import { LoginService } from './login.service';
import { clearRefreshCookie, refreshCookieOf, setRefreshCookie } from './refresh-cookie';

function clientOf(req: Request): { ip: string | null; userAgent: string | null } {
  return { ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null };
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly users: UsersService,
    private readonly logins: LoginService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Throttled per address and per account name, across nodes (rate-limit-groups.ts). */
  @Public()
  @RateLimited('login')
  @Post('login')
  @HttpCode(200)
  async login(
    @Body() body: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponse> {
    const { answer, refreshToken } = await this.logins.login(body.username, body.password, clientOf(req));
    setRefreshCookie(res, req, this.config, refreshToken);
    return answer;
  }

  /** A new access token for the refresh cookie, which is rotated; a reused cookie ends its session. */
  @Public()
  @Post('refresh')
  @HttpCode(200)
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LoginResponse> {
    try {
      const { answer, refreshToken } = await this.logins.refresh(refreshCookieOf(req), clientOf(req));
      setRefreshCookie(res, req, this.config, refreshToken);
      return answer;
    } catch (err) {
      // A database outage says nothing about the session: the cookie stays for the retry.
      if (!databaseOutage(err)) clearRefreshCookie(res, req, this.config);
      throw err;
    }
  }

  @ApiBearerAuth()
  @DuringPasswordChange()
  @Post('logout')
  @HttpCode(204)
  async logout(
    @CurrentUser() user: AuthUser,
    @Audit() audit: AuditContext,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.logins.logout(user, audit);
    clearRefreshCookie(res, req, this.config);
  }

  /** Ends every session of the caller, this one included. */
  @ApiBearerAuth()
  @DuringPasswordChange()
  @Post('logout-all')
  @HttpCode(200)
  async logoutAll(
    @CurrentUser() user: AuthUser,
    @Audit() audit: AuditContext,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ revoked: number }> {
    const revoked = await this.logins.logoutEverywhere(user, audit);
    clearRefreshCookie(res, req, this.config);
    return { revoked };
  }

  @ApiBearerAuth()
  @DuringPasswordChange()
  @Post('password')
  @HttpCode(200)
  changePassword(
    @CurrentUser() user: AuthUser,
    @Body() body: ChangePasswordDto,
    @Audit() audit: AuditContext,
  ): Promise<LoginResponse> {
    return this.logins.changePassword(user, body.currentPassword, body.newPassword, audit);
  }

  @ApiBearerAuth()
  @DuringPasswordChange()
  @Get('me')
  async me(@CurrentUser() principal: AuthUser): Promise<UserView> {
    const user = await this.users.findById(principal.id);
    if (!user) throw notFound('user', principal.id);
    return this.users.view(user);
  }
}
