import type { AppConfig } from '../config/app-config';

/** Which routes a set of limits applies to: a route opts in with @RateLimited(group). */
export type RateLimitGroup = 'login' | 'upload' | 'import';

/** Whom a limit counts: the client address, the account name tried, or the signed-in user. */
export type RateLimitSubject = 'ip' | 'account' | 'user';

export interface RateLimit {
  name: string;
  group: RateLimitGroup;
  subject: RateLimitSubject;
  limit: number;
  ttlMs: number;
  /** How long a subject past its limit is refused. */
  blockMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Every limit in one table. Logins back off in steps: a few tries a minute, then longer windows with
 * longer blocks, so a guesser's rate falls the longer it keeps going, while a person who mistyped
 * waits a minute at most.
 */
export function rateLimits(config: AppConfig): RateLimit[] {
  const ip = config.LOGIN_LIMIT_PER_IP;
  const account = config.LOGIN_LIMIT_PER_ACCOUNT;
  return [
    { name: 'login-ip-5m', group: 'login', subject: 'ip', limit: ip, ttlMs: 5 * MINUTE, blockMs: 5 * MINUTE },
    { name: 'login-ip-1h', group: 'login', subject: 'ip', limit: 4 * ip, ttlMs: HOUR, blockMs: HOUR },
    {
      name: 'login-account-1m',
      group: 'login',
      subject: 'account',
      limit: account,
      ttlMs: MINUTE,
      blockMs: MINUTE,
    },
    {
      name: 'login-account-15m',
      group: 'login',
      subject: 'account',
      limit: 2 * account,
      ttlMs: 15 * MINUTE,
      blockMs: 15 * MINUTE,
    },
    {
      name: 'login-account-1h',
      group: 'login',
      subject: 'account',
      limit: 4 * account,
      ttlMs: HOUR,
      blockMs: HOUR,
    },
    {
      name: 'upload-user-1m',
      group: 'upload',
      subject: 'user',
      limit: config.UPLOAD_LIMIT_PER_MINUTE,
      ttlMs: MINUTE,
      blockMs: MINUTE,
    },
    {
      name: 'import-user-1h',
      group: 'import',
      subject: 'user',
      limit: config.IMPORT_LIMIT_PER_HOUR,
      ttlMs: HOUR,
      blockMs: 10 * MINUTE,
    },
  ];
}
