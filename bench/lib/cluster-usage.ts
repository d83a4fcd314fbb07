import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import Redis from 'ioredis';
import type { Cluster } from './cluster';
import { REDIS_URL, UsageSampler, type BenchDatabase } from './server';

/** CPU of each part over one stretch of a cluster run, in % of one core (200 = both of 2 cores). */
export interface ClusterCpu {
  /** api-1 …, worker-1 …, nginx (master and workers), postgres (this database's backends), redis, load, other, machine. */
  byProcess: Record<string, number>;
  /** The cluster's own processes: api, worker and nginx. */
  clusterCpuPct: number;
  /** Their peak resident memory, summed. */
  clusterRssMb: number;
}

/**
 * What every process used while one step of load ran: each api and worker process and nginx from
 * their pid files, the PostgreSQL backends serving this database, the Redis server (both when they
 * run on this machine), the load (this process, its listener and poster processes), and the whole
 * machine from /proc/stat. `other` is the machine's total less all of these: whatever else runs.
 */
export class ClusterUsage {
  private constructor(
    private readonly groups: Map<string, UsageSampler[]>,
    private readonly clusterNames: ReadonlySet<string>,
    private readonly machineStart: MachineTicks,
  ) {}

  /** Starts counting now. `names`: the cluster's processes by their pid file (api-1, worker-1, nginx). */
  static async begin(cluster: Cluster, names: string[], database: BenchDatabase): Promise<ClusterUsage> {
    const groups = new Map<string, UsageSampler[]>();
    const add = (name: string, pids: number[]) =>
      groups.set(
        name,
        pids.map((pid) => new UsageSampler(pid)),
      );
    for (const name of names) {
      const pid = cluster.pidOf(name);
      // nginx's master only accepts and hands over: the work is in its worker processes.
      add(name, pid === null ? [] : name === 'nginx' ? [pid, ...childrenOf(pid)] : [pid]);
    }
    const backends = await database.db.query<{ pid: number }[]>(
      'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [database.name],
    );
    add(
      'postgres',
      backends.map((b) => b.pid).filter((pid) => commandOf(pid) === 'postgres'),
    );
    const redis = await redisPid();
    add('redis', redis !== null && commandOf(redis)?.startsWith('redis-server') ? [redis] : []);
    // The load: this process, its listener processes, and the poster processes it starts and reaps
    // within the step (counted in this process's children's time once they have exited).
    const listeners = childrenOf(process.pid).filter((pid) => commandLineOf(pid).includes('listener.js'));
    groups.set('load', [
      new UsageSampler(process.pid, true),
      ...listeners.map((pid) => new UsageSampler(pid)),
    ]);
    return new ClusterUsage(groups, new Set(names), machineTicks());
  }

  /** The CPU and memory used since `begin`; stops sampling. */
  end(): ClusterCpu {
    const machine = machineCpuPct(this.machineStart, machineTicks());
    const byProcess: Record<string, number> = {};
    let clusterCpuPct = 0;
    let clusterRssMb = 0;
    for (const [name, samplers] of this.groups) {
      const used = samplers.map((s) => s.take());
      for (const s of samplers) s.stop();
      const cpu = used.reduce((sum, u) => sum + u.cpuPct, 0);
      byProcess[name] = cpu;
      if (this.clusterNames.has(name)) {
        clusterCpuPct += cpu;
        clusterRssMb += used.reduce((sum, u) => sum + u.rssMb, 0);
      }
    }
    const measured = Object.values(byProcess).reduce((sum, v) => sum + v, 0);
    byProcess.other = Math.max(0, machine - measured);
    byProcess.machine = machine;
    return { byProcess, clusterCpuPct, clusterRssMb: Math.round(clusterRssMb * 10) / 10 };
  }
}

function commandOf(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return null;
  }
}

function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

/** Processes whose parent is `pid` (field 4 of /proc/<pid>/stat). */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) children.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

/** The Redis server's own pid (INFO server), to read its CPU when it runs on this machine. */
async function redisPid(): Promise<number | null> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const match = /process_id:(\d+)/.exec(await redis.info('server'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  } finally {
    redis.disconnect();
  }
}

interface MachineTicks {
  busy: number;
  total: number;
}

/** The first line of /proc/stat: every core's time by kind; idle and iowait are not busy. */
function machineTicks(): MachineTicks {
  const fields = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]
    .trim()
    .split(/\s+/)
    .slice(1, 9)
    .map(Number);
  const total = fields.reduce((sum, v) => sum + v, 0);
  return { busy: total - fields[3] - fields[4], total };
}

function machineCpuPct(from: MachineTicks, to: MachineTicks): number {
  const total = to.total - from.total;
  return total > 0 ? Math.round(((to.busy - from.busy) / total) * cpus().length * 100) : 0;
}
