/**
 * Core figures of the server: grid lookup time over the demo district's 1,334 grids, and the time
 * from a whistle POST to each summoned officer's `dispatch.created` socket event. The server runs
 * as its own process on a fresh database; the load comes from this process.
 *
 *   npm run bench:core            (WHISTLES=1000 RATE=50 by default)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { GridIndex } from '@whistle/server/dist/grids/grid-index';
import { deleteKeysWithPrefix } from '@whistle/server/dist/queues/redis';
import { migrate } from '@whistle/server/dist/database/migrate';
import { typeormOptions } from '@whistle/server/dist/database/typeorm-options';
import { demoLayout } from '@whistle/server/dist/seed/seed';
import { seedReference } from '@whistle/server/dist/seed/seed-reference';
import { summarize } from './stats';

const WHISTLES = Number(process.env.WHISTLES ?? 1000);
const RATE = Number(process.env.RATE ?? 50);
const PG = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PORT = Number(process.env.BENCH_PORT ?? 3917);
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = 'whistle123';
const DEPARTMENTS = ['chengguan', 'shichang', 'xiaofang'];

interface DispatchCreated {
  payload: { whistleId: string | null; departmentId: string | null };
}

async function main(): Promise<void> {
  const gridLookup = benchGridLookup();
  console.log('grid lookup (µs):', gridLookup);

  const dbName = `whistle_bench_${randomBytes(4).toString('hex')}`;
  const databaseUrl = `${PG}/${dbName}`;
  await migrate(databaseUrl);
  const db = new DataSource(typeormOptions(databaseUrl));
  await db.initialize();
  await seedReference(db, {});
  const server = startServer(databaseUrl, dbName);
  try {
    await waitForHealth();
    const dispatch = await benchDispatchLatency();
    console.log(
      `whistle POST → officer dispatch.created (ms), ${WHISTLES} whistles × ${DEPARTMENTS.length} departments at ${RATE}/s:`,
      dispatch,
    );
    const result = {
      machine: { cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30) },
      at: new Date().toISOString(),
      gridLookupMicros: gridLookup,
      dispatchLatencyMs: {
        whistles: WHISTLES,
        rate: RATE,
        departmentsPerWhistle: DEPARTMENTS.length,
        ...dispatch,
      },
    };
    writeFileSync(join(__dirname, '..', 'results', 'core-latest.json'), JSON.stringify(result, null, 2));
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await db.destroy();
    const admin = new DataSource({ type: 'postgres', url: `${PG}/postgres` });
    await admin.initialize();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.destroy();
    await deleteKeysWithPrefix(REDIS_URL, dbName);
  }
}

function benchGridLookup(): ReturnType<typeof summarize> {
  const layout = demoLayout();
  const grids = layout.grids.map((g, i) => ({
    id: String(i),
    streetId: '',
    communityId: '',
    districtId: '',
    polygon: g.polygon,
    minX: g.bbox.minLng,
    minY: g.bbox.minLat,
    maxX: g.bbox.maxLng,
    maxY: g.bbox.maxLat,
  }));
  const index = new GridIndex(grids);
  const [minX, minY, maxX, maxY] = [118.76, 31.98, 118.86, 32.045];
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const samples: number[] = [];
  for (let i = 0; i < 100_000; i++) {
    const p = { lng: minX + rand() * (maxX - minX), lat: minY + rand() * (maxY - minY) };
    const t = performance.now();
    index.lookup(p);
    samples.push((performance.now() - t) * 1000);
  }
  return summarize(samples);
}

function startServer(databaseUrl: string, dbName: string): ChildProcess {
  // SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the server process.
  const nodeArgs = (process.env.SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, require.resolve('@whistle/server/dist/main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      REDIS_URL,
      REDIS_PREFIX: dbName,
      JWT_SECRET: 'bench-secret-of-enough-length',
      PORT: String(PORT),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return child;
}

async function waitForHealth(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${BASE}/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not become healthy');
}

async function api<T>(token: string | null, method: string, path: string, body?: object): Promise<T> {
  const res = await fetch(`${BASE}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : null,
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const login = async (username: string) =>
  (await api<{ accessToken: string }>(null, 'POST', '/api/auth/login', { username, password: PASSWORD }))
    .accessToken;

async function benchDispatchLatency(): Promise<
  ReturnType<typeof summarize> & { errors: number; response: ReturnType<typeof summarize> }
> {
  const street = await login('street.fuzimiao');
  const departments = await api<{ id: string; code: string }[]>(street, 'GET', '/api/departments');
  const deptIds = DEPARTMENTS.map((code) => {
    const dept = departments.find((d) => d.code === code);
    if (!dept) throw new Error(`department ${code} missing`);
    return dept.id;
  });
  const streets = await api<{ id: string; code: string; center: { lng: number; lat: number } }[]>(
    street,
    'GET',
    '/api/streets',
  );
  const fuzimiao = streets.find((s) => s.code === 'fuzimiao');
  if (!fuzimiao) throw new Error('street fuzimiao missing');

  // Registered incidents to blow on, made before the clock starts.
  const incidents: string[] = [];
  for (let i = 0; i < WHISTLES; i++) {
    const created = await api<{ id: string }>(street, 'POST', '/api/incidents', {
      title: `基准测试事件 ${i}`,
      category: 'fire_hazard',
      priority: 'high',
      location: fuzimiao.center,
      source: 'operator',
    });
    await api(street, 'POST', `/api/incidents/${created.id}/register`);
    incidents.push(created.id);
  }

  const sentAt = new Map<string, number>();
  const samples: number[] = [];
  const responses: number[] = [];
  const early = new Map<string, number[]>();
  const sockets: Socket[] = [];
  for (const code of DEPARTMENTS) {
    const token = await login(`dept.${code}`);
    const socket = io(BASE, { auth: { token }, transports: ['websocket'] });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    socket.on('dispatch.created', (e: DispatchCreated) => {
      const now = performance.now();
      const whistleId = e.payload.whistleId;
      if (!whistleId) return;
      const t0 = sentAt.get(whistleId);
      if (t0 === undefined) early.set(whistleId, [...(early.get(whistleId) ?? []), now]);
      else samples.push(now - t0);
    });
    sockets.push(socket);
  }

  let errors = 0;
  const interval = 1000 / RATE;
  const start = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < WHISTLES; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const t0 = performance.now();
    inflight.push(
      api<{ id: string }>(street, 'POST', `/api/incidents/${incidents[i]}/whistles`, {
        type: 'emergency',
        departmentIds: deptIds,
      })
        .then((w) => {
          responses.push(performance.now() - t0);
          sentAt.set(w.id, t0);
          // Events can beat the HTTP response; they were stamped on arrival.
          for (const at of early.get(w.id) ?? []) samples.push(at - t0);
          early.delete(w.id);
        })
        .catch(() => {
          errors++;
        }),
    );
  }
  await Promise.all(inflight);
  const expected = (WHISTLES - errors) * DEPARTMENTS.length;
  for (let i = 0; i < 100 && samples.length < expected; i++) await new Promise((r) => setTimeout(r, 100));
  sockets.forEach((s) => s.close());
  console.log('whistle POST response (ms):', summarize(responses));
  return {
    ...summarize(samples),
    errors: errors + (expected - samples.length),
    response: summarize(responses),
  };
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
