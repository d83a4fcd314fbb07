import { DISTRICT_OPERATOR_ACCOUNT, seededRandom } from '@whistle/demo';
import { STAGES, type LiveEvent } from '@whistle/shared';
import { ApiClient, waitForHealth } from './api';
import { Sim } from './context';
import { onDepartmentEvent, onLeaderEvent, scheduleTasks } from './department-bot';
import { scheduleIntake } from './intake';
import { isEvent, LiveConnection } from './live';
import { Log, type LogSink } from './log';
import type { SimOptions } from './options';
import { Scheduler } from './scheduler';
import { Stats } from './stats';
import { onStreetEvent } from './street-bot';
import { loadWorld, signIn, type Actor } from './world';

export interface Running {
  /** What the bots did so far, counted as they go. */
  readonly stats: Stats;
  /** Cancels every pending step, closes the sockets and returns the summary. */
  stop(): string;
  /** After `stop()`: resolves once the API calls already under way have finished. */
  idle(): Promise<void>;
}

/** Signs everyone in, opens their live channels and starts the day; `stop()` returns the summary. */
export async function startSimulation(opts: SimOptions, sink?: LogSink): Promise<Running> {
  const log = new Log(opts.compression, sink);
  const stats = new Stats();
  if (!(await waitForHealth(opts.url, 120_000))) throw new Error(`no server answering at ${opts.url}/health`);
  const reader = new ApiClient(opts.url);
  await reader.login(DISTRICT_OPERATOR_ACCOUNT, opts.password);
  const world = await loadWorld(reader);
  const cast = await signIn(opts.url, opts.password, world, (m) => log.warn(m));
  const scheduler = new Scheduler((label, err) => {
    stats.errors++;
    log.warn(`${label}: ${err instanceof Error ? err.message : String(err)}`);
  });
  const sim = new Sim(opts, world, cast, log, stats, scheduler, seededRandom(opts.seed));
  log.begin();
  log.info(
    `signed in ${cast.streets.size} streets, ${cast.departments.size} departments, ${cast.leaders.length} leaders, ` +
      `${cast.gridWorkers.length} grid workers · ${world.gridById.size} grids · seed ${opts.seed}, ` +
      `rate ${opts.rate}/sim-min, compression ×${opts.compression}`,
  );

  const hooks = {
    onReconnect: (name: string) => {
      stats.reconnects++;
      log.info(`socket ${name} reconnected, replaying from its last event`);
    },
    onError: (name: string, message: string) => log.warn(`socket ${name}: ${message}`),
  };
  const connections: LiveConnection[] = [];
  const connect = (actor: Actor, handle: (e: LiveEvent) => void) => {
    const guarded = (e: LiveEvent) => {
      stats.eventsReceived++;
      try {
        handle(e);
      } catch (err) {
        stats.errors++;
        log.warn(`handling ${e.type}: ${err instanceof Error ? err.message : String(err)}`);
      }
    };
    connections.push(
      new LiveConnection(opts.url, () => actor.api.freshToken(), actor.user.username, guarded, hooks),
    );
  };
  // The district command sees every overdue notice once; only the simulator's own dispatches count.
  connect(cast.district, (e) => {
    if (!isEvent(e, 'deadline.overdue') || !sim.dispatches.has(e.payload.dispatchId)) return;
    const p = e.payload;
    if (STAGES.includes(p.stage)) stats.overdue[p.stage]++;
    const who = p.leaderUserId ? '区领导' : sim.deptName(p.departmentId);
    log.info(
      `⚠ 超时 ${who} · ${p.stage} · ${sim.streetName(p.streetId)} · 第${p.notice}次提醒 → ${p.escalation}`,
    );
  });
  for (const street of cast.streets.values()) connect(street, (e) => onStreetEvent(sim, street, e));
  for (const officer of cast.departments.values())
    connect(officer, (e) => onDepartmentEvent(sim, officer, e));
  for (const leader of cast.leaders) connect(leader, (e) => onLeaderEvent(sim, leader, e));
  const ready = await Promise.all(connections.map((c) => c.ready(10_000)));
  log.info(`live: ${ready.filter(Boolean).length}/${connections.length} sockets connected; the day begins`);

  const startedAt = Date.now();
  const startMinute = log.simMinute;
  scheduleIntake(sim);
  scheduleTasks(sim);
  return {
    stats,
    idle: () => scheduler.idle(),
    stop: () => {
      scheduler.stop();
      for (const c of connections) c.close();
      return stats.summary(
        (Date.now() - startedAt) / 1000,
        log.simMinute - startMinute,
        world.departments.length,
      );
    },
  };
}

/**
 * Plays for `durationSeconds` (required here), or less once `until(stats)` holds (checked every
 * second), and resolves with the summary and the counts once the calls under way have finished:
 * the simulation run inside another process, such as a test.
 */
export async function runSimulation(
  opts: SimOptions & { durationSeconds: number },
  sink?: LogSink,
  until: (stats: Stats) => boolean = () => false,
): Promise<{ summary: string; stats: Stats }> {
  const running = await startSimulation(opts, sink);
  const deadline = Date.now() + opts.durationSeconds * 1000;
  while (Date.now() < deadline && !until(running.stats)) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(1000, deadline - Date.now())));
  }
  const summary = running.stop();
  await running.idle();
  return { summary, stats: running.stats };
}
