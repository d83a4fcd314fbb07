import { z } from 'zod';

export const PROCESS_ROLES = ['api', 'worker', 'both'] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];

const postgresUrl = z
  .string()
  .url()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// URL');
const redisUrl = z
  .string()
  .url()
  .refine((v) => /^rediss?:\/\//.test(v), 'must be a redis:// URL');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PROCESS_ROLE: z.enum(PROCESS_ROLES).default('both'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: postgresUrl,
  REDIS_URL: redisUrl,
  /** Prefix for every Redis key and pub/sub channel, so deployments (and test files) can share a Redis. */
  REDIS_PREFIX: z.string().min(1).default('whistle'),
  JWT_SECRET: z.string().min(16, 'must be at least 16 characters'),
  JWT_TTL: z.string().default('12h'),
  /** How often an overdue notice repeats until the stage is met. */
  OVERDUE_REPEAT_SECONDS: z.coerce.number().int().min(1).default(900),
  /** Outbox relay's fallback poll; commits also wake it at once. */
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).default(500),
  METRICS_PUSH_MS: z.coerce.number().int().min(1000).default(1000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT: z.string().default('256kb'),
  CORS_ORIGINS: z.string().default('*'),
  /** Where photos are stored (the local-volume store), relative to the working directory unless absolute. */
  PHOTO_DIR: z.string().min(1).default('./data/photos'),
  /** POSTs per minute an Open311 API key may make, unless the key has its own limit. */
  OPEN311_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  /** Built dashboard served by the API at / when present. */
  DASHBOARD_DIST: z.string().optional(),
  /** A deployment's own MapLibre style for the basemap (on its own network). */
  BASEMAP_STYLE_URL: z.string().url().optional(),
  /** A PMTiles basemap: a local file the server serves, or an http(s) URL. */
  BASEMAP_PMTILES: z.string().min(1).optional(),
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
