import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppModule } from '@whistle/server/dist/app.module';
import { ConfigError, loadConfig, type AppConfig } from '@whistle/server/dist/config/app-config';
import { OverdueService } from '@whistle/server/dist/dispatches/overdue.service';
import { DispatchesService } from '@whistle/server/dist/dispatches/dispatches.service';
import { TasksService } from '@whistle/server/dist/dispatches/tasks.service';
import { ChangeRecorder } from '@whistle/server/dist/events/change-recorder.service';
import { OutboxRelay } from '@whistle/server/dist/events/outbox-relay.service';
import { GridsService } from '@whistle/server/dist/grids/grids.service';
import { IncidentsService } from '@whistle/server/dist/incidents/incidents.service';
import { WhistlesService } from '@whistle/server/dist/whistles/whistles.service';
import { checkNothingInThePresent, checkOutcome, historyFigures, type HistoryFigures } from './history-check';
import { planHistory } from './plan';
import { simulatePlan } from './plan-outcome';
import { rewriteTimes } from './rewrite';
import { HistoryRunner } from './runner';
import { DemoWorld } from './world';

export interface HistoryOptions {
  /** Where DATABASE_URL, REDIS_URL, REDIS_PREFIX and JWT_SECRET come from. */
  env?: NodeJS.ProcessEnv;
  /** When the history ends; defaults to the start of the run. */
  now?: Date;
  seed?: string;
}

export interface HistoryResult {
  figures: HistoryFigures;
  steps: number;
  ms: number;
}

/**
 * Seeds two weeks of demo history (incidents, whistles, dispatches, ratings, events) by driving the
 * real services, as the demo users, in an application context of the `api` role (so no queue
 * worker runs here), then moves every timestamp to its planned moment. Run after seedReference,
 * on a database without incidents.
 */
export async function seedHistory(options: HistoryOptions = {}): Promise<HistoryResult> {
  const started = Date.now();
  const config = historyConfig(options.env ?? process.env);
  const now = options.now ?? new Date(started);
  const app = await NestFactory.createApplicationContext(AppModule.forRole(config), {
    logger: ['error', 'warn'],
  });
  try {
    // The outbox rows stay unrelayed until the server starts: relayed now, they would carry the
    // present in their payloads, and the server's deadline scheduler follows those payloads.
    await app.get(OutboxRelay).onApplicationShutdown();
    const db = app.get(DataSource);
    const plan = planHistory({
      now: now.getTime(),
      overdueRepeatSeconds: config.OVERDUE_REPEAT_SECONDS,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
    });
    const outcome = simulatePlan(plan);
    const grids = app.get(GridsService);
    const world = await DemoWorld.load(db, (point) => grids.locate(point));
    const runner = new HistoryRunner(db, world, services(app, config), plan, config.OVERDUE_REPEAT_SECONDS);
    await runner.run();
    await rewriteTimes(db, runner.times);
    await checkOutcome(db, outcome, runner.incidentIds, runner.dispatchIds);
    await checkNothingInThePresent(db, now);
    return { figures: await historyFigures(db), steps: plan.steps.length, ms: Date.now() - started };
  } finally {
    await app.close();
  }
}

/**
 * The app's own configuration, as the `api` role and quiet; the services need Redis and a JWT
 * secret to boot. Exported so a caller can fail before it changes anything.
 */
export function historyConfig(env: NodeJS.ProcessEnv): AppConfig {
  const missing = ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET'].filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new Error(
      `seeding the demo history needs ${missing.join(', ')} (npm run seed sets local defaults: server/scripts/local-env.sh)`,
    );
  }
  try {
    return loadConfig({
      ...env,
      DATABASE_URL: withoutSyncCommit(env.DATABASE_URL ?? ''),
      // The API's statement limits are for requests; the history's bulk rewrites may run longer.
      DATABASE_STATEMENT_TIMEOUT_MS: '0',
      DATABASE_IDLE_TX_TIMEOUT_MS: '0',
      DATABASE_QUERY_TIMEOUT_MS: '0',
      PROCESS_ROLE: 'api',
      LOG_LEVEL: 'warn',
    });
  } catch (err) {
    if (err instanceof ConfigError) throw new Error(`seeding the demo history: ${err.message}`);
    throw err;
  }
}

/**
 * The history commits a few thousand small transactions; waiting for each one's WAL flush would
 * be most of the run. Only durability timing changes (a crash could lose the last commits, and the
 * seed is simply run again with --reset); what is written is the same.
 */
function withoutSyncCommit(url: string): string {
  const parsed = new URL(url);
  if (!parsed.searchParams.has('options')) parsed.searchParams.set('options', '-c synchronous_commit=off');
  return parsed.toString();
}

/**
 * The services the history drives. The deadline worker's OverdueService belongs to the worker
 * role, which this context leaves out; it is built here on the context's own ChangeRecorder.
 */
function services(app: INestApplicationContext, config: AppConfig) {
  return {
    incidents: app.get(IncidentsService),
    whistles: app.get(WhistlesService),
    dispatches: app.get(DispatchesService),
    tasks: app.get(TasksService),
    overdue: new OverdueService(app.get(ChangeRecorder), config),
  };
}

export function historySummary({ figures: f, steps, ms }: HistoryResult): string {
  const verified = f.whistledIncidents > 0 ? Math.round((f.whistledVerified / f.whistledIncidents) * 100) : 0;
  return (
    `seeded history in ${(ms / 1000).toFixed(1)} s (${steps} steps, ${f.events} events): ${f.incidents} incidents, ` +
    `${f.whistles} whistles, ${f.dispatches} department dispatches; ${verified}% of whistled incidents verified, ` +
    `${f.departmentsReportedIn} departments reported in, ${f.ratings} ratings (avg ${f.averageRating ?? '-'}), ` +
    `${f.open} incidents still open, ${f.overdue} dispatches overdue`
  );
}
