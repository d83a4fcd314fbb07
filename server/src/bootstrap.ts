import { NestFactory } from '@nestjs/core';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import cookieParser from 'cookie-parser';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import { AppModule, type StartOptions } from './app.module';
import type { AppConfig } from './config/app-config';
import { apiDocsEnabled } from './config/exposure-settings';
import { securityHeaders } from './http/security-headers';
import { PrometheusServer } from './observability/prometheus-server';
import { assertRedisKeepsJobs } from './queues/redis-policy';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { InputGuardPipe } from './common/input-guard.pipe';
import { createValidationPipe } from './common/validation';
import { RedisIoAdapter } from './live/redis-io.adapter';
import { LiveGateway } from './live/live.gateway';
import { drainable } from './http/http-drain';
import { GracefulShutdown } from './shutdown/graceful-shutdown';

export type RunningApp = INestApplication | INestApplicationContext;

/** Configures the HTTP side exactly as production runs it; tests boot through here too. */
export function configureHttpApp(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  // req.ip and req.secure believe X-Forwarded-* only from the configured proxies.
  app.set('trust proxy', config.TRUST_PROXY);
  app.disable('x-powered-by');
  // First, so every answer carries the headers: API, static dashboard, docs and errors alike.
  app.use(securityHeaders(config));
  // Open311 GeoReport v2 lives at /open311/v2, where its clients expect it.
  app.setGlobalPrefix('api', { exclude: ['health', 'health/live', 'health/ready', 'open311/{*path}'] });
  app.useBodyParser('json', { limit: config.BODY_LIMIT });
  // The refresh token's cookie (auth/refresh-cookie.ts); nothing else reads cookies.
  app.use(cookieParser());
  app.useGlobalPipes(new InputGuardPipe(), createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  // Same-origin only unless CORS_ORIGINS names others (socket.io follows the same list).
  if (config.CORS_ORIGINS.length > 0) app.enableCors({ origin: config.CORS_ORIGINS });
  app.useWebSocketAdapter(new RedisIoAdapter(app, config));
  if (apiDocsEnabled(config)) serveApiDocs(app);
  if (config.DASHBOARD_DIST && existsSync(config.DASHBOARD_DIST)) {
    app.useStaticAssets(config.DASHBOARD_DIST, { index: 'index.html' });
    serveDashboardRoutes(app, join(config.DASHBOARD_DIST, 'index.html'));
  }
}

export async function startApp(config: AppConfig, options: StartOptions = {}): Promise<RunningApp> {
  // Before anything connects: a refusal leaves nothing open behind it.
  await assertRedisKeepsJobs(config.REDIS_URL);
  const module = AppModule.forRole(config, options);
  if (config.PROCESS_ROLE === 'worker') {
    const ctx = await NestFactory.createApplicationContext(module, { bufferLogs: true });
    ctx.useLogger(ctx.get(Logger));
    ctx.get(GracefulShutdown).listen(ctx);
    return serveMetrics(ctx);
  }
  const app = await NestFactory.create<NestExpressApplication>(module, {
    bufferLogs: true,
    bodyParser: false,
  });
  configureHttpApp(app, config);
  const drainHttp = drainable(app.getHttpServer());
  // On SIGTERM, before any module closes: the listener shuts and the sockets leave (their clients
  // reconnect elsewhere) while the requests in flight are answered with everything still up.
  app.get(GracefulShutdown).listen(app, async () => {
    const answered = drainHttp();
    app.get(LiveGateway).closeConnections();
    await answered;
  });
  await app.listen(config.PORT);
  return serveMetrics(app);
}

/** Every role's Prometheus listener; a process that cannot open it stops instead of running blind. */
async function serveMetrics<T extends RunningApp>(app: T): Promise<T> {
  try {
    await app.get(PrometheusServer).listen();
  } catch (err) {
    await app.close();
    throw err;
  }
  return app;
}

/** OpenAPI at /api/docs; the document is only built when the docs are served. */
function serveApiDocs(app: NestExpressApplication): void {
  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Whistle API')
      .setDescription('街乡吹哨、部门报到 — incidents, whistles and two-way dispatch')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, doc);
}

/**
 * The dashboard routes in the browser (/wall, /duty, …): a reload or a bookmarked wall screen must
 * get the app, not a 404. Anything that is not a page request for a non-API path passes on.
 */
function serveDashboardRoutes(app: NestExpressApplication, indexHtml: string): void {
  // /metrics too: a scraper pointed at this port (it is served on METRICS_PORT) gets a 404, not the app.
  const serverPaths = /^\/(api|socket\.io|health|metrics|open311)(\/|$)/;
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || serverPaths.test(req.path) || !req.accepts('html')) return next();
    res.sendFile(indexHtml);
  });
}
