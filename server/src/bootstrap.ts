import { NestFactory } from '@nestjs/core';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { InputGuardPipe } from './common/input-guard.pipe';
import { createValidationPipe } from './common/validation';
import { RedisIoAdapter } from './live/redis-io.adapter';

export type RunningApp = INestApplication | INestApplicationContext;

/** Configures the HTTP side exactly as production runs it; tests boot through here too. */
export function configureHttpApp(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  // Open311 GeoReport v2 lives at /open311/v2, where its clients expect it.
  app.setGlobalPrefix('api', { exclude: ['health', 'metrics', 'open311/{*path}'] });
  app.useBodyParser('json', { limit: config.BODY_LIMIT });
  app.useGlobalPipes(new InputGuardPipe(), createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableCors({ origin: config.CORS_ORIGINS === '*' ? true : config.CORS_ORIGINS.split(',') });
  app.enableShutdownHooks();
  app.useWebSocketAdapter(new RedisIoAdapter(app, config));
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
  if (config.DASHBOARD_DIST && existsSync(config.DASHBOARD_DIST)) {
    app.useStaticAssets(config.DASHBOARD_DIST, { index: 'index.html' });
    serveDashboardRoutes(app, join(config.DASHBOARD_DIST, 'index.html'));
  }
}

export async function startApp(config: AppConfig): Promise<RunningApp> {
  const module = AppModule.forRole(config);
  if (config.PROCESS_ROLE === 'worker') {
    const ctx = await NestFactory.createApplicationContext(module, { bufferLogs: true });
    ctx.useLogger(ctx.get(Logger));
    ctx.enableShutdownHooks();
    return ctx;
  }
  const app = await NestFactory.create<NestExpressApplication>(module, {
    bufferLogs: true,
    bodyParser: false,
  });
  configureHttpApp(app, config);
  await app.listen(config.PORT);
  return app;
}

/**
 * The dashboard routes in the browser (/wall, /duty, …): a reload or a bookmarked wall screen must
 * get the app, not a 404. Anything that is not a page request for a non-API path passes on.
 */
function serveDashboardRoutes(app: NestExpressApplication, indexHtml: string): void {
  const serverPaths = /^\/(api|socket\.io|health|metrics|open311)(\/|$)/;
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || serverPaths.test(req.path) || !req.accepts('html')) return next();
    res.sendFile(indexHtml);
  });
}
