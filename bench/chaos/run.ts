/**
 * `npm run chaos`: the fault suite. A cluster like compose's (3 api, 2 worker processes behind
 * nginx, server/scripts/cluster.sh) on a PostgreSQL and a Redis of its own, steady traffic from
 * separate load processes, and faults injected one after another while the load runs. Then an
 * auditor, with PostgreSQL as the truth, counts what was lost, doubled, leaked, missed or fired
 * twice, the 500s and slow answers, and each fault's recovery time. Prints a table, writes
 * bench/results/chaos-latest.json and exits 1 unless every count is 0.
 *
 *   npm run chaos                  the full run (about 10 minutes)
 *   npm run chaos -- --short       one fault of each kind, short outages (the test suite's, ~4 min)
 *   npm run chaos -- --faults redis-stop,postgres-stop   only these of the schedule
 *   npm run chaos -- --out file.json
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { migrate } from '@whistle/server/dist/database/migrate';
import { typeormOptions } from '@whistle/server/dist/database/typeorm-options';
import { DEMO_PASSWORD } from '@whistle/demo';
import { seedReference } from '@whistle/demo/dist/seed/seed-reference';
import { nextMessage } from '../lib/children';
import { option } from '../lib/cli';
import { sleep } from '../lib/clock';
import { Cluster } from '../lib/cluster';
import { PrivatePostgres } from '../lib/private-postgres';
import { PrivateRedis } from '../lib/private-redis';
import { BENCH_JWT_SECRET } from '../lib/server';
import { gridPerStreet } from '../lib/world';
import { audit } from './audit';
import { drain } from './drain';
import { inject, type FaultOutcome, type FaultTargets } from './faults';
import { Caller } from './http';
import { Probe } from './probe';
import { APIS, PORT, PROFILES, SLOW_ACCEPT_MINUTES, WORKERS } from './profile';
import {
  SLOW_PRIORITY,
  WHISTLE_TYPE,
  type LoadMessage,
  type LoadStart,
  type LogLine,
  type ScreenSpec,
} from './protocol';
import { passed } from './report';
import { writeResults } from './results';
import { planScreens } from './screens';

const say = (text: string) => console.log(`${new Date().toISOString().slice(11, 19)}  ${text}`);

async function main(): Promise<void> {
  const base = PROFILES[process.argv.includes('--short') ? 'short' : 'full'];
  // --faults redis-stop,postgres-stop: only those of the profile's schedule (to look into one).
  const kinds = option('faults')?.split(',');
  const profile = kinds ? { ...base, schedule: base.schedule.filter((f) => kinds.includes(f.kind)) } : base;
  const out = resolve(option('out') ?? join(__dirname, '..', '..', 'results', 'chaos-latest.json'));
  const dir = mkdtempSync(join(tmpdir(), 'whistle-chaos-'));
  const redisDir = join(dir, 'redis');
  mkdirSync(redisDir);
  const postgres = new PrivatePostgres();
  // As compose runs it: append-only file every second, never evicting (BullMQ's requirement).
  const redis = new PrivateRedis(undefined, [
    '--appendonly',
    'yes',
    '--appendfsync',
    'everysec',
    '--dir',
    redisDir,
    '--maxmemory-policy',
    'noeviction',
  ]);
  const loads: ChildProcess[] = [];
  let cluster: Cluster | null = null;
  let probe: Probe | null = null;
  let db: DataSource | null = null;
  try {
    say(`private PostgreSQL and Redis`);
    await postgres.create();
    await redis.start();
    const databaseUrl = `${postgres.baseUrl}/whistle_chaos`;
    await migrate(databaseUrl);
    db = new DataSource(typeormOptions(databaseUrl));
    await db.initialize();
    const seed = await seedReference(db, {});
    await db.query(
      `INSERT INTO timer_rules (whistle_type, priority, accept_minutes, arrive_minutes, resolve_minutes)
       VALUES ($1, $2, $3, 600, 1440)
       ON CONFLICT (whistle_type, priority) DO UPDATE
         SET accept_minutes = EXCLUDED.accept_minutes, arrive_minutes = 600, resolve_minutes = 1440`,
      [WHISTLE_TYPE, SLOW_PRIORITY, SLOW_ACCEPT_MINUTES],
    );

    const dist = join(dir, 'dashboard');
    mkdirSync(dist);
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Whistle chaos</title>');
    say(`cluster: ${APIS} api + ${WORKERS} worker processes behind nginx on ${PORT}`);
    cluster = await Cluster.start({
      port: PORT,
      apis: APIS,
      workers: WORKERS,
      runDir: join(dir, 'cluster'),
      dashboardDist: dist,
      env: {
        DATABASE_URL: databaseUrl,
        REDIS_URL: redis.url,
        REDIS_PREFIX: 'chaos',
        JWT_SECRET: BENCH_JWT_SECRET,
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        // Every screen signs in from one address, again after each lost session.
        LOGIN_LIMIT_PER_IP: '100000',
      },
      onOutput: (line) => {
        if (/exited with status|started again/.test(line)) say(`  cluster: ${line.trim()}`);
      },
    });

    const world = planScreens(seed, profile, await gridPerStreet({ db }));
    const [{ watermark }] = await db.query<{ watermark: string }[]>(
      `SELECT coalesce(max(id), 0)::text AS watermark FROM events`,
    );
    const logFiles: string[] = [];
    const runnerLog: LogLine[] = [];
    say(
      `load: ${profile.streets} streets, ${profile.departments} departments (2 officer screens each), 2 district screens`,
    );
    const groups: ScreenSpec[][] = [
      world.screens.filter((s) => s.work.kind === 'street'),
      world.screens.filter((s) => s.work.kind === 'officer' || s.name.startsWith('officer')),
      world.screens.filter((s) => s.name.startsWith('district')),
    ];
    await Promise.all(
      groups.map(async (screens, i) => {
        const logFile = join(dir, `load-${i}.jsonl`);
        logFiles.push(logFile);
        const child = fork(join(__dirname, 'load.js'), [], {
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        });
        loads.push(child);
        const started = nextMessage<LoadMessage>(child, 'started');
        child.send({
          type: 'start',
          url: cluster?.url ?? '',
          password: DEMO_PASSWORD,
          screens,
          watermark,
          logFile,
          whistleEveryMs: profile.whistleEveryMs,
          departmentIds: world.departmentIds,
          slowShare: profile.slowShare,
        } satisfies LoadStart);
        await started;
      }),
    );

    const write = (line: LogLine) => runnerLog.push(line);
    probe = new Probe(
      new Caller(cluster.url, world.probe.street, DEMO_PASSWORD, (r) =>
        write({ k: 'req', s: 'probe', ...r }),
      ),
      new Caller(cluster.url, world.probe.officer, DEMO_PASSWORD, (r) =>
        write({ k: 'req', s: 'probe', ...r }),
      ),
      world.probe.location,
      world.probe.departmentId,
      cluster.url,
      watermark,
      write,
    );
    await probe.start();
    await probe.roundTrip();
    say(`warm-up: ${profile.warmupSeconds} s of load before the first fault`);
    await sleep(profile.warmupSeconds * 1000);

    const ports = { api: (n: number) => PORT + n, workerMetrics: (n: number) => PORT + 10 + APIS + n };
    const targets: FaultTargets = {
      cluster,
      redis,
      redisDir,
      postgres,
      answers: (name) => {
        const [role, n] = name.split('-');
        const url =
          role === 'api'
            ? `http://127.0.0.1:${ports.api(Number(n))}/health/ready`
            : `http://127.0.0.1:${ports.workerMetrics(Number(n))}/metrics`;
        return fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
          (r) => r.ok,
          () => false,
        );
      },
    };
    const outcomes: FaultOutcome[] = [];
    for (const fault of profile.schedule) {
      say(
        `fault: ${fault.kind}${fault.target ? ` ${fault.target}` : ''}${fault.downSeconds ? ` for ${fault.downSeconds} s` : ''}`,
      );
      const { processBack, ...injected } = await inject(fault, targets);
      let recoveryMs = Infinity;
      try {
        await probe.roundTrip();
        recoveryMs = Date.now() - injected.restoredAt;
      } catch (err) {
        say(`  did not recover: ${(err as Error).message}`);
      }
      const answers = probeAnswers(runnerLog, injected.restoredAt);
      if (answers) say(`  the probe's requests: ${answers}`);
      const processBackMs = await processBack;
      outcomes.push({ ...injected, processBackMs, recoveryMs });
      const back =
        processBackMs === null
          ? ''
          : `; ${fault.target} answering again after ${(processBackMs / 1000).toFixed(1)} s`;
      say(`  whistles go through again after ${(recoveryMs / 1000).toFixed(1)} s${back}`);
      await sleep(profile.gapSeconds * 1000);
    }

    // Quiet: no new whistles. Officers go on; deadlines of the last slow dispatches still fire.
    const quietAt = Date.now();
    for (const child of loads) child.send({ type: 'quiet' });
    const deadlineCutoff = new Date(quietAt + SLOW_ACCEPT_MINUTES * 60_000 + 1_000);
    say(
      `quiet: waiting for the last accept deadlines (until ${deadlineCutoff.toISOString().slice(11, 19)}) and the outbox`,
    );
    const lastEventId = await drain(db, deadlineCutoff, say, () => undeliveredEvents(redis.url));
    for (const child of loads) child.send({ type: 'finish' });
    await Promise.all(loads.map((child) => nextMessage<LoadMessage>(child, 'finished')));
    probe.close();
    probe = null;
    await cluster.stop();
    cluster = null;

    const lines = [...runnerLog, ...logFiles.flatMap(readLines)];
    const screens = new Map(world.screens.map((s) => [s.name, s.rooms]));
    screens.set('probe', world.probe.rooms);
    const officerOf = new Map(
      world.screens.flatMap((s) => (s.department ? [[s.name, s.department] as [string, string]] : [])),
    );
    officerOf.set('probe', world.probe.departmentId);
    const result = await audit({ db, lines, screens, officerOf, watermark, lastEventId, deadlineCutoff });
    writeResults(profile, outcomes, result, out);
    process.exitCode = passed(result, outcomes) ? 0 : 1;
  } finally {
    probe?.close();
    for (const child of loads) if (child.exitCode === null) child.kill('SIGKILL');
    await cluster?.stop();
    await db?.destroy().catch(() => undefined);
    await redis.stop();
    await postgres.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Live deliveries still queued or running (BullMQ's lists of the live-events queue). */
async function undeliveredEvents(url: string): Promise<number> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await client.connect();
    const key = (list: string) => `chaos:bull:live-events:${list}`;
    const [wait, active, prioritized, delayed] = await Promise.all([
      client.llen(key('wait')),
      client.llen(key('active')),
      client.zcard(key('prioritized')),
      client.zcard(key('delayed')),
    ]);
    return wait + active + prioritized + delayed;
  } finally {
    client.disconnect();
  }
}

/** What the probe was answered since `since`, when anything was not a plain success: op status×n … */
function probeAnswers(log: LogLine[], since: number): string | null {
  const tried = log.filter((l) => l.k === 'req' && l.s === 'probe' && l.at >= since);
  if (tried.every((l) => l.k === 'req' && l.status >= 200 && l.status < 300)) return null;
  const counts = new Map<string, number>();
  for (const l of tried)
    if (l.k === 'req') counts.set(`${l.op} ${l.status}`, (counts.get(`${l.op} ${l.status}`) ?? 0) + 1);
  return [...counts].map(([answer, n]) => `${answer}×${n}`).join(', ');
}

function readLines(file: string): LogLine[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LogLine);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
