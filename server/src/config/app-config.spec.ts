import { ConfigError, loadConfig } from './app-config';

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
});
