import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import request, { type Response } from 'supertest';
import { displayPrefix, hashApiKey } from '../src/open311/api-key-hash';
import { Open311ApiKey } from '../src/open311/open311-api-key.entity';
import { scrape } from './support/prometheus';
import { TestEnv, type RunningTestApp } from './support/test-app';
import { waitUntil } from './support/wait';
import { createWorld, type World } from './support/world';

/**
 * What the server exposes and how: security headers on API answers and on the dashboard it serves,
 * HSTS only over TLS as a trusted proxy reports it, CORS and the socket.io handshake limited to the
 * server's own origin plus CORS_ORIGINS, the Prometheus endpoint only on its own listener, the
 * OpenAPI docs off in production, and no Open311 api_key in the request logs.
 */
describe('security headers, CORS and exposure', () => {
  const FOREIGN = 'https://evil.example';
  const ALLOWED = 'https://wall.example.org';
  const BASEMAP = 'https://tiles.example.org:8443';
  const METRICS_TOKEN = 'scrape-token-0123456789abcdef';

  let env: TestEnv;
  let world: World;
  let dashboardDist: string;

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
    // A stand-in for the built dashboard, so these checks need no dashboard build.
    dashboardDist = mkdtempSync(join(tmpdir(), 'whistle-dist-'));
    mkdirSync(join(dashboardDist, 'assets'));
    writeFileSync(
      join(dashboardDist, 'index.html'),
      '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body></body></html>',
    );
    writeFileSync(join(dashboardDist, 'assets', 'app.js'), 'export {};\n');
  });

  afterAll(async () => {
    await env.destroy();
    rmSync(dashboardDist, { recursive: true, force: true });
  });

  /** The policy's directives, each with its sources. */
  function csp(res: Response): Map<string, string[]> {
    const header = res.headers['content-security-policy'] as string | undefined;
    expect(header).toBeDefined();
    return new Map(
      (header ?? '').split(';').map((directive) => {
        const [name = '', ...sources] = directive.trim().split(/\s+/);
        return [name, sources] as const;
      }),
    );
  }

  /** The headers every answer of the API port carries, docs aside. */
  function expectHardened(res: Response): void {
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    const policy = csp(res);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(policy.get('child-src')).toEqual(["'self'", 'blob:']);
    expect(policy.get('img-src')?.slice(0, 3)).toEqual(["'self'", 'data:', 'blob:']);
  }

  /** socket.io's first long-polling request, as a browser page on `origin` would send it. */
  const handshake = (app: RunningTestApp, origin?: string) => {
    const req = request(app.url).get('/socket.io/?EIO=4&transport=polling');
    return origin ? req.set('Origin', origin) : req;
  };

  /** A WebSocket-only connection from `origin` without a token: how far it gets. */
  function socketOutcome(app: RunningTestApp, origin: string): Promise<string> {
    const socket = io(app.url, {
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { Origin: origin },
    });
    return new Promise<string>((resolve) => {
      socket.on('connect', () => resolve('connected'));
      socket.on('connect_error', (err) => resolve(err.message));
    }).finally(() => socket.close());
  }

  describe('by default (no CORS_ORIGINS, no trusted proxy, not production)', () => {
    let app: RunningTestApp;

    beforeAll(async () => {
      app = await env.start('both', { DASHBOARD_DIST: dashboardDist });
    });

    afterAll(() => app.close());

    it('an API answer, an error and the health check carry the headers', async () => {
      const basemap = await request(app.url).get('/api/basemap');
      expect(basemap.status).toBe(200);
      expectHardened(basemap);
      const connect = csp(basemap).get('connect-src');
      const host = new URL(app.url).host;
      expect(connect).toEqual(["'self'", `ws://${host}`, `wss://${host}`]);

      const unauthorized = await request(app.url).get('/api/incidents');
      expect(unauthorized.status).toBe(401);
      expectHardened(unauthorized);

      const health = await request(app.url).get('/health');
      expect(health.status).toBe(200);
      expectHardened(health);
    });

    it('the dashboard index, its routes and its scripts carry the same headers', async () => {
      const index = await request(app.url).get('/').set('Accept', 'text/html');
      expect(index.status).toBe(200);
      expect(index.text).toContain('/assets/app.js');
      expectHardened(index);

      const route = await request(app.url).get('/wall').set('Accept', 'text/html');
      expect(route.status).toBe(200);
      expect(route.text).toBe(index.text);
      expectHardened(route);

      const script = await request(app.url).get('/assets/app.js');
      expect(script.status).toBe(200);
      expectHardened(script);
    });

    it('sends no HSTS over plain HTTP, even when an untrusted client claims https', async () => {
      expect(
        (await request(app.url).get('/api/basemap')).headers['strict-transport-security'],
      ).toBeUndefined();
      const claimed = await request(app.url).get('/api/basemap').set('X-Forwarded-Proto', 'https');
      expect(claimed.status).toBe(200);
      expect(claimed.headers['strict-transport-security']).toBeUndefined();
    });

    it('gives a foreign origin no CORS headers, over HTTP or on the socket', async () => {
      const simple = await request(app.url).get('/api/basemap').set('Origin', FOREIGN);
      expect(simple.status).toBe(200);
      expect(simple.headers['access-control-allow-origin']).toBeUndefined();

      const preflight = await request(app.url)
        .options('/api/incidents')
        .set('Origin', FOREIGN)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'authorization,content-type');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      expect(preflight.headers['access-control-allow-methods']).toBeUndefined();

      const foreign = await handshake(app, FOREIGN);
      expect(foreign.status).toBe(403);
      expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
      expect(await socketOutcome(app, FOREIGN)).toBe('websocket error');

      // The server's own pages and clients that are no browser (no Origin) still get in.
      expect((await handshake(app, app.url)).status).toBe(200);
      expect((await handshake(app)).status).toBe(200);
      expect(await socketOutcome(app, app.url)).toBe('unauthorized');
    });

    it('serves /metrics on its own listener only', async () => {
      for (const accept of ['*/*', 'text/html']) {
        const onApiPort = await request(app.url).get('/metrics').set('Accept', accept);
        expect(onApiPort.status).toBe(404);
        expect(onApiPort.text).not.toContain('process_cpu_user_seconds_total');
      }
      expect(new URL(app.metricsUrl).port).not.toBe(new URL(app.url).port);
      const metrics = await scrape(app.metricsUrl);
      expect(metrics.status).toBe(200);
      expect(metrics.type).toBe('text/plain');
      expect(metrics.samples.has('whistle_connected_sockets')).toBe(true);
      expect(metrics.samples.has('process_cpu_user_seconds_total')).toBe(true);
      const other = await request(app.metricsUrl).get('/');
      expect(other.status).toBe(404);
      expect((await request(app.metricsUrl).post('/metrics')).status).toBe(405);
    });

    it('serves the API docs outside production, under their own relaxed policy', async () => {
      const docs = await request(app.url).get('/api/docs/');
      expect(docs.status).toBe(200);
      expect(docs.text).toContain('swagger-ui');
      expect(docs.headers['x-powered-by']).toBeUndefined();
      const policy = csp(docs);
      expect(policy.get('script-src')).toEqual(["'self'"]);
      expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
      expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
      // The relaxed policy stops at the docs.
      expect(csp(await request(app.url).get('/api/basemap')).get('style-src')).toEqual(["'self'"]);
    });
  });

  describe('in production behind a trusted proxy, with an allow-list', () => {
    let app: RunningTestApp;

    beforeAll(async () => {
      app = await env.start('api', {
        NODE_ENV: 'production',
        CORS_ORIGINS: ALLOWED,
        TRUST_PROXY: 'loopback',
        METRICS_TOKEN,
        BASEMAP_STYLE_URL: `${BASEMAP}/styles/qinhuai.json`,
      });
    });

    afterAll(() => app.close());

    it('sends HSTS when the trusted proxy reports https, and not otherwise', async () => {
      const tls = await request(app.url).get('/api/basemap').set('X-Forwarded-Proto', 'https');
      expect(tls.status).toBe(200);
      expect(tls.headers['strict-transport-security']).toMatch(/^max-age=\d{7,}; includeSubDomains$/);
      const plain = await request(app.url).get('/api/basemap').set('X-Forwarded-Proto', 'http');
      expect(plain.headers['strict-transport-security']).toBeUndefined();
      expect(
        (await request(app.url).get('/api/basemap')).headers['strict-transport-security'],
      ).toBeUndefined();
    });

    it('lets the allowed origin in, over HTTP and on the socket, and still no other', async () => {
      const simple = await request(app.url).get('/api/basemap').set('Origin', ALLOWED);
      expect(simple.headers['access-control-allow-origin']).toBe(ALLOWED);
      const preflight = await request(app.url)
        .options('/api/incidents')
        .set('Origin', ALLOWED)
        .set('Access-Control-Request-Method', 'POST');
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe(ALLOWED);
      const poll = await handshake(app, ALLOWED);
      expect(poll.status).toBe(200);
      expect(poll.headers['access-control-allow-origin']).toBe(ALLOWED);
      expect(await socketOutcome(app, ALLOWED)).toBe('unauthorized');

      const foreign = await request(app.url).get('/api/basemap').set('Origin', FOREIGN);
      expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
      expect((await handshake(app, FOREIGN)).status).toBe(403);
    });

    it('allows the basemap origin for fetches and images', async () => {
      const res = await request(app.url).get('/api/basemap');
      expectHardened(res);
      expect(csp(res).get('connect-src')).toContain(BASEMAP);
      expect(csp(res).get('img-src')).toEqual(["'self'", 'data:', 'blob:', BASEMAP]);
    });

    it('serves no API docs', async () => {
      expect((await request(app.url).get('/api/docs/')).status).toBe(404);
      expect((await request(app.url).get('/api/docs-json')).status).toBe(404);
    });

    it('asks for the metrics token', async () => {
      const open = await request(app.metricsUrl).get('/metrics');
      expect(open.status).toBe(401);
      expect(open.headers['www-authenticate']).toBe('Bearer realm="metrics"');
      const wrong = await request(app.metricsUrl)
        .get('/metrics')
        .set('Authorization', 'Bearer not-the-token');
      expect(wrong.status).toBe(401);
      const scraped = await scrape(app.metricsUrl, METRICS_TOKEN);
      expect(scraped.status).toBe(200);
      expect(scraped.samples.has('whistle_connected_sockets')).toBe(true);
    });
  });

  it('serves the docs in production when API_DOCS=true', async () => {
    const app = await env.start('api', { NODE_ENV: 'production', API_DOCS: 'true' });
    try {
      expect((await request(app.url).get('/api/docs/')).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('a worker serves its queue gauges on its own metrics listener and closes it on shutdown', async () => {
    const worker = await env.start('worker');
    const metricsUrl = worker.metricsUrl;
    const metrics = await scrape(metricsUrl);
    expect(metrics.status).toBe(200);
    expect([...metrics.samples.keys()].some((series) => series.startsWith('whistle_queue_depth{'))).toBe(
      true,
    );
    await worker.close();
    await expect(fetch(`${metricsUrl}/metrics`)).rejects.toThrow();
  });

  it('never writes an Open311 api_key from the query string into the request log', async () => {
    const key = `log-test-${randomBytes(16).toString('hex')}`;
    await env.db.getRepository(Open311ApiKey).insert({
      name: 'log test client',
      keyHash: hashApiKey(key),
      prefix: displayPrefix(key),
      rateLimitPerMinute: null,
      createdById: world.users.admin.id,
      revokedAt: null,
    });
    const lines: string[] = [];
    const app = await env.start(
      'api',
      { LOG_LEVEL: 'info' },
      { logDestination: { write: (l) => lines.push(l) } },
    );
    try {
      const services = await request(app.url).get(`/open311/v2/services.json?api_key=${key}`);
      expect(services.status).toBe(200);
      // The key is accepted (a wrong one would be a 403) and the form then found wanting: nothing
      // is created, so closing the app at once races no live event.
      const point = world.streetA.points[0] ?? { lng: 0, lat: 0 };
      const refused = await request(app.url)
        .post(`/open311/v2/requests.json?api_key=${key}`)
        .type('form')
        .send({ lat: String(point.lat), long: String(point.lng) });
      expect(refused.status).toBe(400);
      expect(refused.text).toContain('service_code was not provided');

      // Both requests were logged (pino-http writes once the answer has gone out)…
      const requestUrls = () =>
        lines
          .map((line) => (JSON.parse(line) as { req?: { url?: string } }).req?.url ?? '')
          .filter((url) => url.startsWith('/open311/'));
      await waitUntil(() => Promise.resolve(requestUrls().length >= 2));
      expect(requestUrls().sort()).toEqual([
        '/open311/v2/requests.json?api_key=[Redacted]',
        '/open311/v2/services.json?api_key=[Redacted]',
      ]);
      // …and the key appears nowhere in the log: not in the URL, the parsed query or anywhere else.
      expect(lines.filter((line) => line.includes(key))).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
