import { Body, Controller, Get, HttpCode, Post, UnauthorizedException } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { LoginResponse, UserView } from '@whistle/shared';
import { notFound } from '../common/errors';
import { UsersService } from '../users/users.service';
import type { AuthUser } from './auth-user';
import { CurrentUser, Public } from './decorators';
import { LoginDto } from './dto/login.dto';
import { verifyPassword } from './password';
import { TokenService } from './token.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokenService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: LoginDto): Promise<LoginResponse> {
    const user = await this.users.findActiveByUsername(body.username);
    // Same answer for unknown user and wrong password, so usernames cannot be probed.
    if (!user || !(await verifyPassword(body.password, user.passwordHash))) {
      throw new UnauthorizedException('Wrong username or password');
    }
    const accessToken = await this.tokens.issue(user);
    return { accessToken, user: await this.users.view(user) };
  }

  @ApiBearerAuth()
  @Get('me')
  async me(@CurrentUser() principal: AuthUser): Promise<UserView> {
    const user = await this.users.findById(principal.id);
    if (!user) throw notFound('user', principal.id);
    return this.users.view(user);
  }
}
