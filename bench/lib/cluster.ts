import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sleep } from './clock';

/** The repository's root, from bench/lib (run from source) or bench/dist/lib (compiled). */
export function repositoryRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir))
    if (existsSync(join(dir, 'server', 'scripts', 'cluster.sh'))) return dir;
  throw new Error(`server/scripts/cluster.sh was not found above ${__dirname}`);
}

export interface ClusterOptions {
  /** nginx's port; api n answers on port + n, metrics listeners from port + 11 (server/scripts/cluster.sh). */
  port: number;
  apis: number;
  workers: number;
  /** Logs, nginx's configuration and the processes' pid files. */
  runDir: string;
  /** The environment of every Whistle process: DATABASE_URL, REDIS_URL, REDIS_PREFIX, JWT_SECRET, … */
  env: NodeJS.ProcessEnv;
  /** A dashboard build for nginx to serve (any directory with an index.html). */
  dashboardDist: string;
  /** Every line the script prints (its restarts included). */
  onOutput?: (line: string) => void;
}

/**
 * `npm run cluster` (server/scripts/cluster.sh) on a database made by the caller: no build (the
 * caller builds), no demo seed. The script restarts a process that dies, as compose does.
 */
export class Cluster {
  private output = '';

  private constructor(
    private readonly script: ChildProcess,
    private readonly options: ClusterOptions,
    private readonly exited: Promise<number | null>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  /** Starts the script and resolves once it reports every process answering. */
  static async start(options: ClusterOptions): Promise<Cluster> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...options.env,
      CLUSTER_PORT: String(options.port),
      CLUSTER_APIS: String(options.apis),
      CLUSTER_WORKERS: String(options.workers),
      CLUSTER_RUN_DIR: options.runDir,
      CLUSTER_BUILD: '0',
      CLUSTER_SEED: '0',
      DASHBOARD_DIST: options.dashboardDist,
    };
    const script = spawn('bash', ['server/scripts/cluster.sh'], {
      cwd: repositoryRoot(),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => script.once('exit', (code) => resolve(code)));
    const cluster = new Cluster(script, options, exited);
    const take = (chunk: Buffer) => {
      const text = chunk.toString();
      cluster.output += text;
      for (const line of text.split('\n')) if (line.trim()) options.onOutput?.(line);
    };
    script.stdout?.on('data', take);
    script.stderr?.on('data', take);
    for (let waited = 0; !cluster.output.includes('Whistle cluster is running'); waited += 200) {
      if (script.exitCode !== null) throw new Error(`cluster.sh exited early:\n${cluster.output}`);
      if (waited > 180_000) {
        await cluster.stop();
        throw new Error(`the cluster did not come up within 3 minutes:\n${cluster.output}`);
      }
      await sleep(200);
    }
    return cluster;
  }

  /** The pid of a process now (`api-2`, `worker-1`, `nginx`), or null while it is being restarted. */
  pidOf(name: string): number | null {
    try {
      const pid = Number(readFileSync(join(this.options.runDir, `${name}.pid`), 'utf8').trim());
      process.kill(pid, 0);
      return pid;
    } catch {
      return null;
    }
  }

  /** Every line the script has printed. */
  log(): string {
    return this.output;
  }

  /** Ctrl-C: the script stops every process (TERM, then KILL after 20 s) and exits. */
  async stop(): Promise<void> {
    if (this.script.exitCode !== null) return;
    this.script.kill('SIGINT');
    // A timer of its own, cleared once the script is gone: a pending one would keep the caller's
    // process alive for the rest of the 40 s.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.exited, new Promise((resolve) => (timer = setTimeout(resolve, 40_000)))]);
    clearTimeout(timer);
    if (this.script.exitCode !== null || this.script.signalCode !== null) return;
    // The script is stuck: kill it, and every process it started (each in a session of its own,
    // so none would go with it).
    this.script.kill('SIGKILL');
    for (const file of readdirSync(this.options.runDir).filter((f) => f.endsWith('.pid'))) {
      const pid = this.pidOf(file.slice(0, -'.pid'.length));
      if (pid !== null) process.kill(pid, 'SIGKILL');
    }
  }
}
