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
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { rooms } from '@whistle/shared';
import { migrate } from '@whistle/server/dist/database/migrate';
import { typeormOptions } from '@whistle/server/dist/database/typeorm-options';
import { DEMO_PASSWORD, seedReference, type SeedResult } from '@whistle/server/dist/seed/seed';
import { commit, option } from '../lib/cli';
import { sleep } from '../lib/clock';
import { Cluster } from '../lib/cluster';
import { PrivatePostgres } from '../lib/private-postgres';
import { PrivateRedis } from '../lib/private-redis';
import { BENCH_JWT_SECRET } from '../lib/server';
import { gridPerStreet } from '../lib/world';
import { audit, type Audit } from './audit';
import { FULL_SCHEDULE, inject, SHORT_SCHEDULE, type FaultOutcome, type FaultTargets } from './faults';
import { Caller } from './http';
import { Probe } from './probe';
import {
  SLOW_PRIORITY,
  WHISTLE_TYPE,
  type LoadMessage,
  type LoadStart,
  type LogLine,
  type ScreenSpec,
} from './protocol';
import { faultRows, passed, printTable, totalsOf } from './report';

interface RunProfile {
  name: 'full' | 'short';
  streets: number;
  departments: number;
  whistleEveryMs: number;
  slowShare: number;
  warmupSeconds: number;
  /** Between one fault's recovery and the next fault. */
  gapSeconds: number;
  schedule: typeof FULL_SCHEDULE;
}

const PROFILES: Record<'full' | 'short', RunProfile> = {
  full: {
    name: 'full',
    streets: 6,
    departments: 6,
    whistleEveryMs: 4_000,
    slowShare: 0.3,
    warmupSeconds: 20,
    gapSeconds: 12,
    schedule: FULL_SCHEDULE,
  },
  short: {
    name: 'short',
    streets: 4,
    departments: 4,
    whistleEveryMs: 4_000,
    slowShare: 0.4,
    warmupSeconds: 10,
    gapSeconds: 5,
    schedule: SHORT_SCHEDULE,
  },
};

/** The one-minute accept deadline the slow share of the traffic is left to miss. */
const SLOW_ACCEPT_MINUTES = 1;
const PORT = Number(process.env.CHAOS_PORT ?? 3970);
const APIS = 3;
const WORKERS = 2;

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
        const started = nextMessage(child, 'started');
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
    const lastEventId = await drain(db, deadlineCutoff);
    for (const child of loads) child.send({ type: 'finish' });
    await Promise.all(loads.map((child) => nextMessage(child, 'finished')));
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
    report(profile, outcomes, result, out);
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

interface PlannedScreen extends ScreenSpec {
  /** The department an officer screen belongs to (working or watching). */
  department?: string;
}

/** Who is on screen: streets raising whistles, two officers a department, two district screens, the probe. */
function planScreens(
  seed: SeedResult,
  profile: RunProfile,
  grids: Map<string, { lng: number; lat: number }>,
) {
  const { ids } = seed;
  const userId = (username: string) => {
    const id = ids.users[username];
    if (!id) throw new Error(`the demo seed has no user ${username}`);
    return id;
  };
  const streetCodes = Object.keys(ids.streets).filter((code) => grids.has(ids.streets[code]));
  const departmentCodes = Object.keys(ids.departments).filter((code) => ids.users[`dept.${code}`]);
  if (streetCodes.length < profile.streets + 1 || departmentCodes.length < profile.departments + 1)
    throw new Error('the demo district has too few streets or departments for this run');
  const point = (code: string) => {
    const g = grids.get(ids.streets[code]) as { lng: number; lat: number };
    return { lng: g.lng, lat: g.lat };
  };
  const screens: PlannedScreen[] = [];
  for (const code of streetCodes.slice(0, profile.streets)) {
    const username = `street.${code}`;
    screens.push({
      name: username,
      username,
      rooms: [rooms.user(userId(username)), rooms.street(ids.streets[code])],
      work: { kind: 'street', location: point(code) },
    });
  }
  const departmentIds: string[] = [];
  for (const code of departmentCodes.slice(0, profile.departments)) {
    const username = `dept.${code}`;
    const departmentId = ids.departments[code];
    departmentIds.push(departmentId);
    const officerRooms = [rooms.user(userId(username)), rooms.dept(departmentId)];
    screens.push(
      {
        name: `officer.${code}.1`,
        username,
        rooms: officerRooms,
        work: { kind: 'officer', departmentId },
        department: departmentId,
      },
      {
        name: `officer.${code}.2`,
        username,
        rooms: officerRooms,
        work: { kind: 'watch' },
        department: departmentId,
      },
    );
  }
  for (const n of [1, 2]) {
    screens.push({
      name: `district.${n}`,
      username: 'district.operator',
      rooms: [rooms.user(userId('district.operator')), rooms.district(ids.district)],
      work: { kind: 'watch' },
    });
  }
  const probeStreet = streetCodes[profile.streets];
  const probeDepartment = departmentCodes[profile.departments];
  const probeOfficer = `dept.${probeDepartment}`;
  return {
    screens,
    departmentIds,
    probe: {
      street: `street.${probeStreet}`,
      officer: probeOfficer,
      location: point(probeStreet),
      departmentId: ids.departments[probeDepartment],
      rooms: [rooms.user(userId(probeOfficer)), rooms.dept(ids.departments[probeDepartment])],
    },
  };
}

/**
 * Waits until every accept deadline due before the cutoff has fired (or two minutes past it), the
 * outbox has relayed everything and no new event appeared for five seconds. Returns the newest id.
 */
async function drain(db: DataSource, cutoff: Date): Promise<string> {
  const giveUp = cutoff.getTime() + 120_000;
  for (;;) {
    await sleep(1_000);
    if (Date.now() < cutoff.getTime() + 5_000) continue;
    const [{ unfired }] = await db.query<{ unfired: number }[]>(
      `SELECT count(*)::int AS unfired FROM dispatches d
        WHERE d.accept_by < $1 AND d.accepted_at IS NULL AND 'accept' <> ALL (d.overdue_stages)`,
      [cutoff],
    );
    if (unfired === 0 || Date.now() > giveUp) {
      if (unfired > 0)
        say(`  ${unfired} accept deadlines due before the cutoff have not fired; auditing anyway`);
      break;
    }
  }
  let last = '';
  let quietSince = Date.now();
  for (;;) {
    const [{ newest, unrelayed }] = await db.query<{ newest: string; unrelayed: number }[]>(
      `SELECT coalesce(max(id), 0)::text AS newest, (SELECT count(*) FROM outbox WHERE relayed_at IS NULL)::int AS unrelayed FROM events`,
    );
    if (newest !== last || unrelayed > 0) {
      last = newest;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= 5_000 || Date.now() > giveUp + 60_000) {
      say(`  quiet at event #${last}`);
      return last;
    }
    await sleep(500);
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

function nextMessage(child: ChildProcess, type: LoadMessage['type']): Promise<LoadMessage> {
  return new Promise((resolvePromise, reject) => {
    const onMessage = (m: LoadMessage) => {
      if (m.type !== type) return;
      child.off('message', onMessage);
      resolvePromise(m);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`a load process exited (${code}) before '${type}'`)));
  });
}

function readLines(file: string): LogLine[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LogLine);
}

function report(profile: RunProfile, outcomes: FaultOutcome[], result: Audit, out: string): void {
  const rows = faultRows(outcomes, result.findings);
  const totals = totalsOf(result);
  console.log('');
  printTable(rows);
  console.log('');
  console.log(
    `${result.whistles} whistles, ${result.dispatches} dispatches, ${result.requests} requests ` +
      `(${result.retried} refused or 502/503/504, retried with the same key), ${result.eventsReceived} events received, ` +
      `${result.reconnects} reconnects, ${result.truncatedReplays} truncated replays; ` +
      `${result.deadlinesDue} accept deadlines passed, outbox undelivered ${result.outboxUndelivered}`,
  );
  for (const message of result.workErrors.slice(0, 10)) console.log(`  work error: ${message}`);
  for (const text of result.examples) console.log(`  ${text}`);
  const ok = passed(result, outcomes);
  console.log(ok ? 'PASSED: every count is 0 and every fault recovered' : 'FAILED: see the counts above');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify(
      {
        profile: profile.name,
        commit: commit(),
        finished_at: new Date().toISOString(),
        machine: { cores: cpus().length, memory_gb: Math.round(totalmem() / 2 ** 30) },
        cluster: { apis: APIS, workers: WORKERS },
        load: {
          streets: profile.streets,
          departments: profile.departments,
          whistle_every_ms: profile.whistleEveryMs,
          slow_share: profile.slowShare,
          slow_accept_minutes: SLOW_ACCEPT_MINUTES,
        },
        passed: ok,
        totals: {
          whistles: result.whistles,
          dispatches: result.dispatches,
          requests: result.requests,
          retried: result.retried,
          events_received: result.eventsReceived,
          reconnects: result.reconnects,
          truncated_replays: result.truncatedReplays,
          deadlines_due: result.deadlinesDue,
          ...totals,
        },
        work_errors: result.workErrors,
        faults: rows,
        injections: outcomes.map((o) => ({
          kind: o.kind,
          target: o.target,
          injected_at: new Date(o.injectedAt).toISOString(),
          down_s: Math.round((o.restoredAt - o.injectedAt) / 100) / 10,
          exited_after_s: o.exitedAfterMs === null ? null : Math.round(o.exitedAfterMs / 100) / 10,
          process_back_s: o.processBackMs === null ? null : Math.round(o.processBackMs / 100) / 10,
          recovery_s: Number.isFinite(o.recoveryMs) ? Math.round(o.recoveryMs / 100) / 10 : null,
        })),
      },
      null,
      2,
    )}\n`,
  );
  console.log(`written to ${out}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
