import type { CookieOptions, Request, Response } from 'express';
import type { AppConfig } from '../config/app-config';

/**
 * The refresh token lives only in this cookie: httpOnly (no script can read it), SameSite=Strict (no
 * other site can make the browser send it), sent only to /api/auth, and a session cookie, so a
 * closed browser on a shared command-centre PC forgets it (the server ends it after its idle time
 * anyway).
 */
export const REFRESH_COOKIE = 'whistle_refresh';

function options(config: AppConfig, req: Request): CookieOptions {
  const secure = config.COOKIE_SECURE === 'auto' ? req.secure : config.COOKIE_SECURE === 'true';
  return { httpOnly: true, sameSite: 'strict', secure, path: '/api/auth' };
}

export function setRefreshCookie(res: Response, req: Request, config: AppConfig, token: string): void {
  res.cookie(REFRESH_COOKIE, token, options(config, req));
}

export function clearRefreshCookie(res: Response, req: Request, config: AppConfig): void {
  res.clearCookie(REFRESH_COOKIE, options(config, req));
}

export function refreshCookieOf(req: Request): unknown {
  return (req.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIE];
}
