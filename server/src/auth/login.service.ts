import { BadRequestException, Injectable, UnauthorizedException } from '@nestjs/common';
import type { LoginResponse } from '@whistle/shared';
import type { AuditContext } from '../audit/audit-context';
import { AuditService } from '../audit/audit.service';
import { SessionsService, type SessionClient } from '../sessions/sessions.service';
import { hashPassword, needsRehash, verifyAgainstNobody, verifyPassword } from '../users/password';
import { passwordProblems } from '../users/password-policy';
import type { UserAccount } from '../users/user-account';
import { UsersService } from '../users/users.service';
import type { AuthUser } from '../access/auth-user';
import { TokenService } from './token.service';

const WRONG = 'Wrong username or password';

/** Signing in, renewing, signing out and changing one's own password. */
@Injectable()
export class LoginService {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
  ) {}

  async login(
    username: string,
    password: string,
    client: SessionClient,
  ): Promise<{ answer: LoginResponse; refreshToken: string }> {
    const context: AuditContext = { actorId: null, actorUsername: username, ip: client.ip };
    const user = await this.users.findByUsername(username);
    // Unknown, deactivated and wrong password: one answer, and the same scrypt work for each.
    const valid = user?.active
      ? await verifyPassword(password, user.passwordHash)
      : await verifyAgainstNobody(password);
    if (!user || !valid) {
      await this.audit.record({
        action: 'auth.login.failed',
        context: { ...context, actorId: user?.id ?? null },
        details: { reason: !user ? 'unknown_user' : !user.active ? 'inactive' : 'wrong_password' },
      });
      throw new UnauthorizedException(WRONG);
    }
    if (needsRehash(user.passwordHash)) {
      await this.users.upgradeHash(user.id, user.passwordHash, await hashPassword(password));
    }
    const { session, refreshToken } = await this.sessions.create(user.id, client);
    await this.audit.record({
      action: 'auth.login.succeeded',
      context: { ...context, actorId: user.id },
      target: { type: 'session', id: session.id },
    });
    return { answer: await this.answer(user, session.id), refreshToken };
  }

  /** Rotates the refresh token; the answer carries the user as they are now. */
  async refresh(
    raw: unknown,
    client: SessionClient,
  ): Promise<{ answer: LoginResponse; refreshToken: string }> {
    const outcome = await this.sessions.rotate(raw);
    if (outcome.kind === 'reused') {
      await this.audit.record({
        action: 'auth.refresh.reused',
        context: { actorId: outcome.session.userId, actorUsername: null, ip: client.ip },
        target: { type: 'session', id: outcome.session.id },
        details: { generation: outcome.session.generation },
      });
    }
    if (outcome.kind !== 'rotated') throw new UnauthorizedException('Session ended; sign in again');
    const user = await this.users.findById(outcome.session.userId);
    if (!user?.active) {
      await this.sessions.revoke(outcome.session.id, 'user_deactivated');
      throw new UnauthorizedException('Session ended; sign in again');
    }
    return { answer: await this.answer(user, outcome.session.id), refreshToken: outcome.refreshToken };
  }

  async logout(principal: AuthUser, context: AuditContext): Promise<void> {
    await this.sessions.revoke(principal.sessionId, 'logout');
    await this.audit.record({
      action: 'auth.logout',
      context,
      target: { type: 'session', id: principal.sessionId },
    });
  }

  async logoutEverywhere(principal: AuthUser, context: AuditContext): Promise<number> {
    const ended = await this.sessions.revokeAllOf(principal.id, 'logout_all');
    await this.audit.record({
      action: 'auth.logout_all',
      context,
      target: { type: 'user', id: principal.id },
      details: { sessions: ended.length },
    });
    return ended.length;
  }

  /**
   * A new password ends every other session of the user (whoever else knew the old one is out);
   * this one goes on with a fresh access token that no longer owes a change.
   */
  async changePassword(
    principal: AuthUser,
    currentPassword: string,
    newPassword: string,
    context: AuditContext,
  ): Promise<LoginResponse> {
    const user = await this.users.findById(principal.id);
    if (!user?.active) throw new UnauthorizedException('Session ended; sign in again');
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      throw new BadRequestException({
        message: 'Invalid request: currentPassword',
        fields: { currentPassword: ['is not your current password'] },
      });
    }
    const problems = passwordProblems(newPassword, user.username);
    if (newPassword === currentPassword) problems.push('must differ from the current password');
    if (problems.length) {
      throw new BadRequestException({
        message: 'Invalid request: newPassword',
        fields: { newPassword: problems },
      });
    }
    const hash = await hashPassword(newPassword);
    await this.users.setPassword(user.id, hash, false);
    const ended = await this.sessions.revokeAllOf(
      user.id,
      'password_changed',
      undefined,
      principal.sessionId,
    );
    await this.audit.record({
      action: 'auth.password.changed',
      context,
      target: { type: 'user', id: user.id },
      details: { otherSessionsEnded: ended.length },
    });
    return this.answer({ ...user, mustChangePassword: false }, principal.sessionId);
  }

  private async answer(user: UserAccount, sessionId: string): Promise<LoginResponse> {
    const principal: AuthUser = {
      id: user.id,
      username: user.username,
      role: user.role,
      districtId: user.districtId,
      streetId: user.streetId,
      departmentId: user.departmentId,
      sessionId,
      mustChangePassword: user.mustChangePassword,
    };
    const { accessToken, expiresAt } = await this.tokens.issue(principal);
    return {
      accessToken,
      accessTokenExpiresAt: expiresAt,
      user: await this.users.view(user),
      mustChangePassword: user.mustChangePassword,
    };
  }
}
