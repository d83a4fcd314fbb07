import { mkdir, rm } from 'node:fs/promises';
import type { Cluster } from '../lib/cluster';
import { sleep } from '../lib/clock';
import type { PrivatePostgres } from '../lib/private-postgres';
import type { PrivateRedis } from '../lib/private-redis';

export type FaultKind =
  | 'kill-api'
  | 'kill-worker'
  | 'term-api'
  | 'term-worker'
  | 'redis-restart-empty'
  | 'redis-stop'
  | 'postgres-stop';

export interface Fault {
  kind: FaultKind;
  /** The process (api-2, worker-1) for kills and terms. */
  target?: string;
  /** How long a stopped service stays down. */
  downSeconds?: number;
}

export interface FaultOutcome {
  kind: FaultKind;
  target: string | null;
  injectedAt: number;
  /** When the stopped service was started again (the kill itself, for a process). */
  restoredAt: number;
  /** A SIGTERMed process: how long it took to exit. */
  exitedAfterMs: number | null;
  /** A killed or stopped process: from the signal until it answered again, restarted by the cluster. */
  processBackMs: number | null;
  /** From the restore until a whistle went through end to end (the probe). */
  recoveryMs: number;
}

export interface FaultTargets {
  cluster: Cluster;
  redis: PrivateRedis;
  /** Redis's append-only files: wiped for a restart that loses everything. */
  redisDir: string;
  postgres: PrivatePostgres;
  /** Whether a process answers (an api's readiness, a worker's metrics listener). */
  answers: (name: string) => Promise<boolean>;
}

export interface Injected {
  kind: FaultKind;
  target: string | null;
  injectedAt: number;
  restoredAt: number;
  exitedAfterMs: number | null;
  /** Resolves once a killed or stopped process answers again (null for the services). */
  processBack: Promise<number | null>;
}

/**
 * Injects one fault. A killed process is left to the cluster to restart (measured alongside, while
 * the others carry the load); a stopped service is started again after its time down.
 */
export async function inject(fault: Fault, targets: FaultTargets): Promise<Injected> {
  const injectedAt = Date.now();
  const base = { kind: fault.kind, target: fault.target ?? null, injectedAt };
  switch (fault.kind) {
    case 'kill-api':
    case 'kill-worker':
    case 'term-api':
    case 'term-worker': {
      const name = fault.target as string;
      const pid = await currentPid(targets.cluster, name);
      const term = fault.kind.startsWith('term');
      process.kill(pid, term ? 'SIGTERM' : 'SIGKILL');
      const exitedAfterMs = term ? await waitForExit(pid, injectedAt) : null;
      const processBack = backAgain(targets, name, pid, injectedAt);
      return { ...base, restoredAt: injectedAt, exitedAfterMs, processBack };
    }
    case 'redis-restart-empty': {
      // Gone at once and back with nothing: no snapshot, no append-only file.
      await targets.redis.stop('SIGKILL');
      await rm(targets.redisDir, { recursive: true, force: true });
      await mkdir(targets.redisDir);
      await targets.redis.start();
      return { ...base, restoredAt: Date.now(), exitedAfterMs: null, processBack: Promise.resolve(null) };
    }
    case 'redis-stop': {
      // Redis's own shutdown keeps its data (append-only file, as compose runs it).
      await targets.redis.stop('SIGTERM');
      await sleep((fault.downSeconds ?? 20) * 1000);
      await targets.redis.start();
      return { ...base, restoredAt: Date.now(), exitedAfterMs: null, processBack: Promise.resolve(null) };
    }
    case 'postgres-stop': {
      await targets.postgres.stop();
      await sleep((fault.downSeconds ?? 20) * 1000);
      await targets.postgres.start();
      return { ...base, restoredAt: Date.now(), exitedAfterMs: null, processBack: Promise.resolve(null) };
    }
  }
}

/** The cluster starts a dead process again, as compose's restart policy would; back once it answers. */
async function backAgain(
  targets: FaultTargets,
  name: string,
  oldPid: number,
  since: number,
): Promise<number> {
  for (;;) {
    const now = targets.cluster.pidOf(name);
    if (now !== null && now !== oldPid && (await targets.answers(name))) return Date.now() - since;
    if (Date.now() - since > 120_000) throw new Error(`${name} was not back within 2 minutes`);
    await sleep(200);
  }
}

async function currentPid(cluster: Cluster, name: string): Promise<number> {
  for (let i = 0; i < 600; i++) {
    const pid = cluster.pidOf(name);
    if (pid !== null) return pid;
    await sleep(100);
  }
  throw new Error(`${name} has no running process`);
}

async function waitForExit(pid: number, since: number): Promise<number> {
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return Date.now() - since;
    }
    if (Date.now() - since > 60_000) throw new Error(`pid ${pid} did not exit within 60 s of SIGTERM`);
    await sleep(50);
  }
}

/** The full run: five api kills, three worker kills, one SIGTERM of each kind, Redis twice, PostgreSQL once. */
export const FULL_SCHEDULE: Fault[] = [
  { kind: 'kill-api', target: 'api-1' },
  { kind: 'kill-worker', target: 'worker-1' },
  { kind: 'kill-api', target: 'api-2' },
  { kind: 'term-api', target: 'api-3' },
  { kind: 'redis-restart-empty' },
  { kind: 'kill-api', target: 'api-3' },
  { kind: 'kill-worker', target: 'worker-2' },
  { kind: 'postgres-stop', downSeconds: 20 },
  { kind: 'kill-api', target: 'api-1' },
  { kind: 'term-worker', target: 'worker-1' },
  { kind: 'redis-stop', downSeconds: 20 },
  { kind: 'kill-worker', target: 'worker-1' },
  { kind: 'kill-api', target: 'api-2' },
];

/** The test suite's run: one fault of each kind, outages of 5 s. */
export const SHORT_SCHEDULE: Fault[] = [
  { kind: 'kill-api', target: 'api-1' },
  { kind: 'kill-worker', target: 'worker-1' },
  { kind: 'term-api', target: 'api-2' },
  { kind: 'term-worker', target: 'worker-2' },
  { kind: 'redis-restart-empty' },
  { kind: 'postgres-stop', downSeconds: 5 },
  { kind: 'redis-stop', downSeconds: 5 },
];
