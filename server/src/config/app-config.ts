import { z } from 'zod';
import { apiDocsSetting, corsOriginsSetting, trustProxySetting } from './exposure-settings';
import { JWT_SECRET_MIN_CHARS, productionJwtSecretProblem } from './jwt-secret';

export const PROCESS_ROLES = ['api', 'worker', 'both'] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const postgresUrl = z
  .string()
  .url()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// URL');
const redisUrl = z
  .string()
  .url()
  .refine((v) => /^rediss?:\/\//.test(v), 'must be a redis:// URL');

const settings = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PROCESS_ROLE: z.enum(PROCESS_ROLES).default('both'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: postgresUrl,
  /** How long a request waits for a PostgreSQL connection (a new one, or a free one of the pool) before a 503. */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  /** The server cancels an API statement running longer (then a 503); 0: no limit. Migrations and the seed have none. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  /** The server ends a session left idle inside an open transaction this long, freeing its locks; 0: never. */
  DATABASE_IDLE_TX_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
  /**
   * A query sent with no answer this long fails (503) and its connection is dropped: a frozen or
   * cut-off server cannot enforce its own statement limit. 0: wait as long as the server lets it run.
   */
  DATABASE_QUERY_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(8_000),
  REDIS_URL: redisUrl,
  /** Prefix for every Redis key and pub/sub channel, so deployments (and test files) can share a Redis. */
  REDIS_PREFIX: z.string().min(1).default('whistle'),
  /** In production also at least 32 bytes and none the repository publishes (jwt-secret.ts). */
  JWT_SECRET: z.string().min(JWT_SECRET_MIN_CHARS, `must be at least ${JWT_SECRET_MIN_CHARS} characters`),
  /** Access tokens are short-lived; the refresh cookie renews them (auth/refresh-cookie.ts). */
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(5).max(3600).default(900),
  /** A session not refreshed for this long ends (a shift plus slack). */
  SESSION_IDLE_HOURS: z.coerce.number().min(0.1).max(720).default(12),
  /** A session ends this long after its login whatever happens (an unattended wall screen signs in weekly). */
  SESSION_MAX_DAYS: z.coerce.number().min(0.01).max(90).default(7),
  /** `secure` on the refresh cookie: 'auto' follows the request (TLS or a trusted proxy saying https). */
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  /** Login attempts per client address per 5 minutes (the hourly limit is four times this). */
  LOGIN_LIMIT_PER_IP: z.coerce.number().int().min(1).default(100),
  /** Login attempts per account name per minute (then 2x per 15 min and 4x per hour, each blocking as long). */
  LOGIN_LIMIT_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  /** Photo uploads (requests) per signed-in user per minute. */
  UPLOAD_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** 12345 and boundary imports (and boundary dry runs) per signed-in user per hour. */
  IMPORT_LIMIT_PER_HOUR: z.coerce.number().int().min(1).default(20),
  /** How often an overdue notice repeats until the stage is met. */
  OVERDUE_REPEAT_SECONDS: z.coerce.number().int().min(1).default(900),
  /** How often each worker checks that Redis still holds the deadline timers (rebuilding them if not). */
  DEADLINE_TIMERS_CHECK_MS: z.coerce.number().int().min(100).max(300_000).default(5_000),
  /** Outbox relay's fallback poll; commits also wake it at once. */
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).default(500),
  /**
   * A relayed outbox row is kept this long, then deleted (the event itself stays in the log). Its
   * job is done once relayed; the day is for looking into a delivery after the fact.
   */
  OUTBOX_RETENTION_HOURS: z.coerce.number().min(1).max(8760).default(24),
  /** How often a worker deletes relayed outbox rows past their retention. */
  OUTBOX_CLEANUP_EVERY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  /**
   * A reconnecting client missing more events of its scope than this gets `replay.truncated` and
   * refetches its views instead: a few list requests cost less than streaming thousands of events,
   * and the dashboard remembers 5,000 ids for dropping duplicates, so a replay must stay well under.
   */
  REPLAY_MAX_EVENTS: z.coerce.number().int().min(1).max(100_000).default(1000),
  /**
   * …or when the log after its last event reaches back further than this: a screen away an hour
   * (a night, a laptop asleep) is better refetched than replayed, and the bound keeps the replay
   * query to the last hour of the log whatever id a client sends.
   */
  REPLAY_MAX_AGE_MINUTES: z.coerce.number().min(1).max(10_080).default(60),
  /**
   * How often the district summary may be recomputed and pushed. Each push runs nine aggregate
   * queries and reaches every district-room screen; at 1 s, with 170 deadlines a second firing,
   * it pushed the deadlines' lateness p99 from ~320 ms to 520–920 ms (bench/README).
   */
  METRICS_PUSH_MS: z.coerce.number().int().min(1000).default(2000),
  /**
   * On SIGTERM or SIGINT a process finishes what it holds (HTTP requests, queue jobs) and exits; if
   * that takes longer (a backing service that does not answer), it exits anyway after this long.
   */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(15_000),
  /** The JSON log's level (pino): on stdout, or in LOG_FILE when that is set. */
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** Write the JSON log to this file (appended, its directory created) instead of stdout. */
  LOG_FILE: z.string().min(1).optional(),
  /**
   * Readable lines from this level up on stdout, in place of the JSON log there (pino-pretty, a
   * development dependency: for a terminal, e.g. `npm run demo`, never a deployment).
   */
  LOG_PRETTY: z.enum(LOG_LEVELS).exclude(['silent']).optional(),
  BODY_LIMIT: z.string().default('256kb'),
  /** Browser origins besides the server's own that may call the API and open sockets (comma-separated). */
  CORS_ORIGINS: corsOriginsSetting,
  /** Which proxies' X-Forwarded-* headers to believe (express `trust proxy`): a hop count or addresses. */
  TRUST_PROXY: trustProxySetting,
  /** OpenAPI docs at /api/docs: on by default, off in production unless `true`. */
  API_DOCS: apiDocsSetting,
  /** The Prometheus scrape endpoint's own listener, apart from the API (0: any free port). */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  /** When set, a scrape must send `Authorization: Bearer <token>`. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Where photos are stored (the local-volume store), relative to the working directory unless absolute. */
  PHOTO_DIR: z.string().min(1).default('./data/photos'),
  /** Photos whose decoded size is above this many pixels are refused (413) before they are decoded. */
  PHOTO_MAX_PIXELS: z.coerce.number().int().min(1_000_000).default(40_000_000),
  /** POSTs per minute an Open311 API key may make, unless the key has its own limit. */
  OPEN311_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  /** Built dashboard served by the API at / when present. */
  DASHBOARD_DIST: z.string().optional(),
  /** A deployment's own MapLibre style for the basemap (on its own network). */
  BASEMAP_STYLE_URL: z.string().url().optional(),
  /** A PMTiles basemap: a local file the server serves, or an http(s) URL. */
  BASEMAP_PMTILES: z.string().min(1).optional(),
});

// A production server refuses a short secret, or one anyone can read in this repository.
const schema = settings.superRefine((config, ctx) => {
  const problem = config.NODE_ENV === 'production' ? productionJwtSecretProblem(config.JWT_SECRET) : null;
  if (problem) ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: problem });
});

export type AppConfig = z.infer<typeof schema>;

export class ConfigError extends Error {}

/** Parses the environment once; a missing or bad value fails with one line naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const name = issue.path.join('.');
    const missing = issue.code === 'invalid_type' && env[name] === undefined;
    return `${name} ${missing ? 'is required' : issue.message}`;
  });
  throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
}

export const APP_CONFIG = Symbol('APP_CONFIG');
