import { execFile, spawn, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import type { IncidentView } from '@whistle/shared';
import { connect, login, type Api, type Recorder } from './support/clients';
import { TestEnv } from './support/test-app';
import { waitUntil } from './support/wait';
import { createWorld, type World } from './support/world';

const root = join(__dirname, '..', '..');
const run = promisify(execFile);

/** The process table the script prints once everything answers: name -> pid. */
function processTable(output: string): Map<string, number> {
  const rows = [...output.matchAll(/^ {2}(nginx|api-\d|worker-\d) +(\d+) /gm)];
  return new Map(rows.map(([, name, pid]) => [name, Number(pid)]));
}

/** Every process below `ancestor` (Linux /proc), found by walking parent pids. */
function descendants(ancestor: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: the fields after it start at the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(Number(entry), ppid);
    } catch {
      // Gone while listing.
    }
  }
  const found: number[] = [];
  let frontier = [ancestor];
  while (frontier.length > 0) {
    const next = [...parentOf].filter(([, ppid]) => frontier.includes(ppid)).map(([pid]) => pid);
    found.push(...next);
    frontier = next;
  }
  return found;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tcpConnect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * `npm run cluster` (server/scripts/cluster.sh) on a database of its own: three api processes and
 * two workers behind the cluster's nginx. Through nginx's one port: the dashboard, a login, live
 * sockets spread over the three api processes that all see one incident, a killed api process
 * that nginx routes around and the script starts again, and Ctrl-C leaving no process behind.
 * The build and the demo seed are left out (CLUSTER_BUILD=0, CLUSTER_SEED=0): the suite builds
 * first, and the test's own users stand in for the demo's.
 */
describe('npm run cluster', () => {
  let env: TestEnv;
  let world: World;
  let script: ChildProcess;
  let exited: Promise<number | null>;
  let output = '';
  let base: string;
  let operator: Api;
  const dir = mkdtempSync(join(tmpdir(), 'whistle-cluster-'));
  const runDir = join(dir, 'run');
  // nginx on this port, the api processes on the next three, metrics listeners from +11 to +15;
  // below the ephemeral range, where outgoing connections take their ports.
  const port = 20_000 + 20 * Math.floor(Math.random() * 600);
  const sockets: Recorder[] = [];

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
    if (!existsSync(join(root, 'server', 'dist', 'main.js'))) {
      await run('npm', ['run', 'build', '-w', 'shared'], { cwd: root });
      await run('npm', ['run', 'build', '-w', 'server'], { cwd: root });
    }
    // A dashboard build of its own, so that what nginx serves at / is known.
    const dist = join(dir, 'dist');
    mkdirSync(dist);
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>cluster test</title>');

    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: env.databaseUrl,
      REDIS_URL: env.config().REDIS_URL,
      REDIS_PREFIX: env.redisPrefix,
      CLUSTER_PORT: String(port),
      CLUSTER_RUN_DIR: runDir,
      CLUSTER_BUILD: '0',
      CLUSTER_SEED: '0',
      DASHBOARD_DIST: dist,
    };
    // As from a developer's shell, not jest's test mode.
    delete childEnv.NODE_ENV;
    script = spawn('bash', ['server/scripts/cluster.sh'], { cwd: root, env: childEnv });
    script.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    script.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    exited = new Promise((resolve) => script.once('exit', (code) => resolve(code)));
    await waitUntil(
      () => {
        if (script.exitCode !== null) throw new Error(`cluster.sh exited early:\n${output}`);
        return Promise.resolve(output.includes('Whistle cluster is running'));
      },
      150_000,
      200,
    );
    base = `http://127.0.0.1:${port}`;
    operator = await login(base, world.users.operatorA);
  }, 200_000);

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    // Only when a test failed before stopping it: the script's own shutdown first, then force.
    if (script && script.exitCode === null && script.pid !== undefined) {
      const left = descendants(script.pid);
      script.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
      for (const pid of left) if (alive(pid)) process.kill(pid, 'SIGKILL');
    }
    await env.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists nginx, three api processes and two workers, each with a live pid', () => {
    const table = processTable(output);
    expect([...table.keys()].sort()).toEqual(['api-1', 'api-2', 'api-3', 'nginx', 'worker-1', 'worker-2']);
    for (const pid of table.values()) expect(alive(pid)).toBe(true);
  });

  it('serves the dashboard with its security headers and proxies readiness on one port', async () => {
    const page = await request(base).get('/wall').expect(200);
    expect(page.text).toContain('cluster test');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    const ready = await request(base).get('/health/ready').expect(200);
    expect(ready.body).toMatchObject({ status: 'ok' });
  });

  it('spreads live sockets over the three api processes, and every one sees a new incident', async () => {
    // One after another: nginx gives each new socket to the api process holding the fewest.
    for (let i = 0; i < 3; i += 1) sockets.push(await connect(base, operator.token));
    const created = await operator.post('/api/incidents', {
      title: '集群测试',
      category: 'street_vending',
      priority: 'normal',
      location: world.streetA.points[0],
      source: 'operator',
    });
    expect(created.status).toBe(201);
    const incident = created.body as IncidentView;
    await Promise.all(sockets.map((s) => s.waitFor('incident.created', (e) => e.payload.id === incident.id)));

    sockets.splice(0).forEach((s) => s.close());
    // nginx logs a WebSocket when it closes, with the api process that held it.
    const socketUpstreams = () =>
      readFileSync(join(runDir, 'nginx-access.log'), 'utf8')
        .split('\n')
        .filter((line) => line.includes('GET /socket.io/'))
        .map((line) => /upstream=(\S+)/.exec(line)?.[1]);
    await waitUntil(() => Promise.resolve(socketUpstreams().length === 3));
    expect(new Set(socketUpstreams())).toEqual(new Set([1, 2, 3].map((n) => `127.0.0.1:${port + n}`)));
  });

  it('routes around a killed api process and starts it again', async () => {
    const killed = processTable(output).get('api-2') as number;
    process.kill(killed, 'SIGKILL');
    // Each read lands on a live process: nginx passes a refused one on to the next.
    for (let i = 0; i < 12; i += 1) await operator.get('/api/auth/me').expect(200);
    await waitUntil(() => Promise.resolve(output.includes(`api-2 (pid ${killed}) exited`)), 10_000);
    // Ready again on its own port once the script has started it again.
    const ready = () =>
      request(`http://127.0.0.1:${port + 2}`)
        .get('/health/ready')
        .then((res) => res.status === 200)
        .catch(() => false);
    await waitUntil(ready, 90_000, 500);
  }, 120_000);

  it('stops every process it started on SIGINT, and exits 0', async () => {
    const started = descendants(script.pid as number);
    expect(started.length).toBeGreaterThanOrEqual(6);
    script.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(started.filter(alive)).toEqual([]);
    for (const p of [port, port + 1, port + 2, port + 3]) expect(await accepts(p)).toBe(false);
  }, 60_000);
});
