import { randomBytes } from 'node:crypto';
import { loadConfig } from './app-config';
import { apiDocsEnabled } from './exposure-settings';

const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/whistle',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SECRET: 'a-secret-of-enough-length',
};

describe('exposure settings', () => {
  it('defaults to no foreign origin, no trusted proxy, metrics on loopback:9464 without a token', () => {
    expect(loadConfig(valid)).toMatchObject({
      CORS_ORIGINS: [],
      TRUST_PROXY: false,
      METRICS_PORT: 9464,
      METRICS_HOST: '127.0.0.1',
    });
    expect(loadConfig(valid).METRICS_TOKEN).toBeUndefined();
  });

  it('reads CORS_ORIGINS as a list of origins and names what is not one', () => {
    expect(
      loadConfig({ ...valid, CORS_ORIGINS: 'https://wall.example.org, http://10.1.2.3:8080' }).CORS_ORIGINS,
    ).toEqual(['https://wall.example.org', 'http://10.1.2.3:8080']);
    for (const bad of [
      '*',
      'wall.example.org',
      'https://wall.example.org/',
      'ftp://x.org',
      'https://a.org/path',
    ])
      expect(() => loadConfig({ ...valid, CORS_ORIGINS: bad })).toThrow(
        new RegExp(
          `CORS_ORIGINS must be comma-separated origins .*\\(not ${bad.replace(/[*.?/]/g, '\\$&')}\\)`,
        ),
      );
  });

  it('reads TRUST_PROXY as a hop count or a list of addresses, subnets and names', () => {
    expect(loadConfig({ ...valid, TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ ...valid, TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(
      loadConfig({ ...valid, TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8,172.18.0.2' }).TRUST_PROXY,
    ).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8', '172.18.0.2']);
    for (const bad of ['true', 'nginx', '10.0.0.0/33', '300.1.1.1', 'loopback,10.0.0.1/x'])
      expect(() => loadConfig({ ...valid, TRUST_PROXY: bad })).toThrow(/TRUST_PROXY must be/);
  });

  it('serves the API docs except in production, unless API_DOCS says otherwise', () => {
    // Production refuses a short or published JWT secret (jwt-secret.ts): a fresh one passes.
    const secret = randomBytes(32).toString('base64');
    const docs = (env: Record<string, string>) =>
      apiDocsEnabled(loadConfig({ ...valid, JWT_SECRET: secret, ...env }));
    expect(docs({})).toBe(true);
    expect(docs({ NODE_ENV: 'test' })).toBe(true);
    expect(docs({ NODE_ENV: 'production' })).toBe(false);
    expect(docs({ NODE_ENV: 'production', API_DOCS: 'true' })).toBe(true);
    expect(docs({ NODE_ENV: 'development', API_DOCS: 'false' })).toBe(false);
    expect(() => loadConfig({ ...valid, API_DOCS: 'yes' })).toThrow(/API_DOCS/);
  });

  it('checks the metrics listener settings', () => {
    expect(loadConfig({ ...valid, METRICS_PORT: '0' }).METRICS_PORT).toBe(0);
    expect(() => loadConfig({ ...valid, METRICS_PORT: '70000' })).toThrow(/METRICS_PORT/);
    expect(() => loadConfig({ ...valid, METRICS_TOKEN: 'short' })).toThrow(
      /METRICS_TOKEN must be at least 16 characters/,
    );
  });
});
