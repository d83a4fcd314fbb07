import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from './app-config';
import { PUBLISHED_JWT_SECRETS } from './published-secrets';

const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/whistle',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SECRET: 'a-secret-of-enough-length',
};

describe('loadConfig', () => {
  it('parses a valid environment into typed values with defaults', () => {
    const config = loadConfig({ ...valid, PORT: '4000' });
    expect(config).toMatchObject({
      PORT: 4000,
      PROCESS_ROLE: 'both',
      REDIS_PREFIX: 'whistle',
      OVERDUE_REPEAT_SECONDS: 900,
    });
  });

  it('names a missing value in one line', () => {
    const { REDIS_URL: _omit, ...rest } = valid;
    expect(() => loadConfig(rest)).toThrow(new ConfigError('Invalid configuration: REDIS_URL is required'));
  });

  it('names bad values', () => {
    expect(() => loadConfig({ ...valid, DATABASE_URL: 'mysql://x/y' })).toThrow(
      /DATABASE_URL must be a postgres:\/\/ URL/,
    );
    expect(() => loadConfig({ ...valid, PROCESS_ROLE: 'everything' })).toThrow(/PROCESS_ROLE/);
    expect(() => loadConfig({ ...valid, JWT_SECRET: 'short' })).toThrow(
      /JWT_SECRET must be at least 16 characters/,
    );
    expect(() => loadConfig({ ...valid, PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('bounds replay and outbox retention, with defaults', () => {
    expect(loadConfig(valid)).toMatchObject({
      REPLAY_MAX_EVENTS: 1000,
      REPLAY_MAX_AGE_MINUTES: 60,
      OUTBOX_RETENTION_HOURS: 24,
      OUTBOX_CLEANUP_EVERY_SECONDS: 600,
    });
    expect(() => loadConfig({ ...valid, REPLAY_MAX_EVENTS: '0' })).toThrow(/REPLAY_MAX_EVENTS/);
    expect(() => loadConfig({ ...valid, REPLAY_MAX_AGE_MINUTES: 'hour' })).toThrow(/REPLAY_MAX_AGE_MINUTES/);
    expect(() => loadConfig({ ...valid, OUTBOX_RETENTION_HOURS: '0.5' })).toThrow(/OUTBOX_RETENTION_HOURS/);
    expect(() => loadConfig({ ...valid, OUTBOX_CLEANUP_EVERY_SECONDS: '0' })).toThrow(
      /OUTBOX_CLEANUP_EVERY_SECONDS/,
    );
  });

  it('bounds the shutdown and a query without an answer, with defaults', () => {
    expect(loadConfig(valid)).toMatchObject({
      SHUTDOWN_TIMEOUT_MS: 15_000,
      DATABASE_QUERY_TIMEOUT_MS: 8_000,
    });
    expect(loadConfig({ ...valid, DATABASE_QUERY_TIMEOUT_MS: '0' }).DATABASE_QUERY_TIMEOUT_MS).toBe(0);
    expect(() => loadConfig({ ...valid, SHUTDOWN_TIMEOUT_MS: '0' })).toThrow(/SHUTDOWN_TIMEOUT_MS/);
    expect(() => loadConfig({ ...valid, SHUTDOWN_TIMEOUT_MS: '15s' })).toThrow(/SHUTDOWN_TIMEOUT_MS/);
    expect(() => loadConfig({ ...valid, DATABASE_QUERY_TIMEOUT_MS: '-1' })).toThrow(
      /DATABASE_QUERY_TIMEOUT_MS/,
    );
  });

  it('logs JSON to stdout at info unless a file or readable lines are asked for', () => {
    const config = loadConfig(valid);
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.LOG_FILE).toBeUndefined();
    expect(config.LOG_PRETTY).toBeUndefined();
    expect(loadConfig({ ...valid, LOG_FILE: 'logs/whistle.log', LOG_PRETTY: 'warn' })).toMatchObject({
      LOG_FILE: 'logs/whistle.log',
      LOG_PRETTY: 'warn',
    });
  });

  it('names bad log settings', () => {
    expect(() => loadConfig({ ...valid, LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ ...valid, LOG_FILE: '' })).toThrow(/LOG_FILE/);
    expect(() => loadConfig({ ...valid, LOG_PRETTY: 'warning' })).toThrow(/LOG_PRETTY/);
    // Silent readable lines are no readable lines: leave LOG_PRETTY unset instead.
    expect(() => loadConfig({ ...valid, LOG_PRETTY: 'silent' })).toThrow(/LOG_PRETTY/);
  });
});

describe('JWT_SECRET in production', () => {
  const production = (secret: string) => loadConfig({ ...valid, NODE_ENV: 'production', JWT_SECRET: secret });
  /** What a deployment is told to use: `openssl rand -base64 48`. */
  const fresh = () => randomBytes(48).toString('base64');

  it('accepts a fresh random secret', () => {
    const secret = fresh();
    expect(production(secret).JWT_SECRET).toBe(secret);
  });

  it('refuses a secret shorter than 32 bytes, which development accepts', () => {
    const secret = fresh().slice(0, 31);
    expect(loadConfig({ ...valid, JWT_SECRET: secret }).JWT_SECRET).toBe(secret);
    expect(() => production(secret)).toThrow(/JWT_SECRET must be at least 32 bytes in production/);
    expect(production(fresh().slice(0, 32)).JWT_SECRET).toHaveLength(32);
  });

  it('counts UTF-8 bytes, not characters', () => {
    // 16 two-byte characters make 32 bytes: enough; so do 30 one-byte ones and a two-byte one, not 29.
    expect(production('é'.repeat(16)).JWT_SECRET).toHaveLength(16);
    expect(production('e'.repeat(30) + 'é').JWT_SECRET).toHaveLength(31);
    expect(() => production('e'.repeat(29) + 'é')).toThrow(/at least 32 bytes/);
  });

  it('refuses every secret the repository publishes, however long', () => {
    expect(PUBLISHED_JWT_SECRETS.length).toBeGreaterThan(0);
    for (const secret of PUBLISHED_JWT_SECRETS) {
      expect(() => production(secret)).toThrow(/JWT_SECRET (is published|must be at least 32 bytes)/);
      // Outside production the same secret still starts a demo or a test.
      expect(() => loadConfig({ ...valid, JWT_SECRET: secret })).not.toThrow();
    }
    const longPublished = PUBLISHED_JWT_SECRETS.filter((s) => Buffer.byteLength(s) >= 32);
    expect(longPublished.length).toBeGreaterThan(0);
    for (const secret of longPublished) {
      expect(() => production(secret)).toThrow(
        new ConfigError(
          'Invalid configuration: JWT_SECRET is published in the Whistle repository and must not be used in production; generate one with: openssl rand -base64 48',
        ),
      );
    }
  });

  it('applies the production rules only in production', () => {
    for (const NODE_ENV of ['development', 'test']) {
      expect(() => loadConfig({ ...valid, NODE_ENV })).not.toThrow();
    }
    expect(() => loadConfig({ ...valid, NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
  });
});
