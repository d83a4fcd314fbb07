import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { migrate } from '@whistle/server/dist/database/migrate';
import { typeormOptions } from '@whistle/server/dist/database/typeorm-options';
import { deleteKeysWithPrefix } from '@whistle/server/dist/queues/redis';
import { seedReference, type SeedResult } from '@whistle/demo/dist/seed/seed-reference';
import { sleep } from './clock';
import { repositoryRoot } from './cluster';

export const PG = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** The server runs as in production, which refuses any secret written in the repository: a fresh one per run. */
export const BENCH_JWT_SECRET = randomBytes(48).toString('base64');

/** A database of its own with the demo district's reference data (no history), dropped at the end. */
export class BenchDatabase {
  private constructor(
    readonly name: string,
    readonly url: string,
    readonly db: DataSource,
    readonly seed: SeedResult,
  ) {}

  static async create(): Promise<BenchDatabase> {
    const name = `whistle_bench_${randomBytes(4).toString('hex')}`;
    const url = `${PG}/${name}`;
    await migrate(url);
    const db = new DataSource(typeormOptions(url));
    await db.initialize();
    const seed = await seedReference(db, {});
    return new BenchDatabase(name, url, db, seed);
  }

  async drop(): Promise<void> {
    await this.db.destroy();
    const admin = new DataSource({ type: 'postgres', url: `${PG}/postgres` });
    await admin.initialize();
    await admin.query(`DROP DATABASE IF EXISTS "${this.name}" WITH (FORCE)`);
    await admin.destroy();
    await deleteKeysWithPrefix(REDIS_URL, this.name);
  }
}

/** What a process used while a scenario ran: its peak resident set and its CPU time, from /proc. */
export interface ProcessUsage {
  /** Peak resident set size, MB. */
  rssMb: number;
  /** CPU time (user + system, all threads) over wall time, in % of one core. */
  cpuPct: number;
}

/** Samples a process's resident set size and CPU time from /proc while a scenario runs. */
export class UsageSampler {
  private peakKb = 0;
  private since = { wallMs: Date.now(), cpuTicks: 0 };
  private readonly timer: NodeJS.Timeout;

  /**
   * `withReapedChildren`: also count the CPU of its children that have exited and been waited for
   * (the benchmark's own process, whose poster processes come and go within a step).
   */
  constructor(
    private readonly pid: number,
    private readonly withReapedChildren = false,
  ) {
    this.timer = setInterval(() => this.sample(), 250);
    this.sample();
    this.since.cpuTicks = this.cpuTicks();
  }

  private sample(): void {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
      if (match) this.peakKb = Math.max(this.peakKb, Number(match[1]));
    } catch {
      // the process is gone
    }
  }

  /** utime + stime in clock ticks (100 a second on Linux); fields 14 and 15 (cutime, cstime: 16, 17). */
  private cpuTicks(): number {
    try {
      const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const children = this.withReapedChildren ? Number(fields[13]) + Number(fields[14]) : 0;
      return Number(fields[11]) + Number(fields[12]) + children;
    } catch {
      return this.since.cpuTicks;
    }
  }

  /** Usage since the last take (or start), then starts counting again. */
  take(): ProcessUsage {
    this.sample();
    const now = { wallMs: Date.now(), cpuTicks: this.cpuTicks() };
    const cpuMs = (now.cpuTicks - this.since.cpuTicks) * 10;
    const usage = {
      rssMb: Math.round(this.peakKb / 102.4) / 10,
      cpuPct: Math.round((cpuMs / Math.max(1, now.wallMs - this.since.wallMs)) * 100),
    };
    this.peakKb = 0;
    this.since = now;
    return usage;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** A child process that answers HTTP on `port` once `healthPath` returns 2xx. */
export class RunningProcess {
  readonly usage: UsageSampler;

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    this.usage = new UsageSampler(child.pid ?? 0);
  }

  static async start(
    script: string,
    env: NodeJS.ProcessEnv,
    port: number,
    healthPath: string,
  ): Promise<RunningProcess> {
    // SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the server process.
    const nodeArgs = (process.env.SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const url = `http://127.0.0.1:${port}`;
    // Something else answering there would pass the health check below in this process's place.
    if (
      await fetch(`${url}${healthPath}`).then(
        () => true,
        () => false,
      )
    )
      throw new Error(`port ${port} is already in use; set BENCH_PORT / BENCH_FLOOR_PORT`);
    const child = spawn(process.execPath, [...nodeArgs, script], {
      env: { ...process.env, ...env, PORT: String(port) },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    for (let i = 0; i < 150; i++) {
      if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
      try {
        if ((await fetch(`${url}${healthPath}`)).ok) return new RunningProcess(child, url);
      } catch {
        // not up yet
      }
      await sleep(200);
    }
    child.kill('SIGKILL');
    throw new Error(`${script} did not become healthy on ${url}`);
  }

  async stop(): Promise<void> {
    this.usage.stop();
    if (this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    await Promise.race([exited, sleep(15_000)]);
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

/** The environment of a Whistle process on the given database, as in production. */
export function whistleEnv(database: BenchDatabase): NodeJS.ProcessEnv {
  return {
    DATABASE_URL: database.url,
    REDIS_URL,
    REDIS_PREFIX: database.name,
    JWT_SECRET: BENCH_JWT_SECRET,
    LOG_LEVEL: process.env.BENCH_SERVER_LOG_LEVEL ?? 'warn',
    NODE_ENV: 'production',
    NODE_OPTIONS: imageNodeOptions(),
    // The load comes from one address and signs in dozens of users: no login throttling in the way.
    LOGIN_LIMIT_PER_IP: '100000',
  };
}

/**
 * The Node options the server's image runs with (docker/server.Dockerfile: the heap size), so the
 * benchmark measures the server's memory as deployed.
 */
function imageNodeOptions(): string {
  const dockerfile = readFileSync(join(repositoryRoot(), 'docker', 'server.Dockerfile'), 'utf8');
  const set = /^ENV NODE_OPTIONS="([^"]*)"$/m.exec(dockerfile);
  if (!set) throw new Error('docker/server.Dockerfile sets no NODE_OPTIONS');
  return set[1];
}

/** The Whistle server (process role `both`) on the given database. */
export function startWhistle(database: BenchDatabase, port: number): Promise<RunningProcess> {
  return RunningProcess.start(
    require.resolve('@whistle/server/dist/main.js'),
    // Any free metrics port: the browser tests' stack or a local server may hold the default 9464.
    { ...whistleEnv(database), METRICS_PORT: '0' },
    port,
    '/health',
  );
}
