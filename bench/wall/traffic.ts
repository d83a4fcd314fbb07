import { io, type Socket } from 'socket.io-client';
import { sleep } from '../lib/clock';

interface Grid {
  properties: { id: string; streetId: string };
  geometry: { coordinates: number[][][] };
}

const PASSWORD = 'whistle123';
const STREET = 'fuzimiao';
const DEPARTMENTS = ['chengguan', 'shichang'];

export async function api<T>(
  base: string,
  token: string | null,
  method: string,
  path: string,
  body?: object,
): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : null,
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function login(base: string, username: string): Promise<{ accessToken: string; user: unknown }> {
  return api(base, null, 'POST', '/api/auth/login', { username, password: PASSWORD });
}

/** Counts the live events a district-wide client receives: the wall's own view of the load. */
export async function countEvents(
  base: string,
  token: string,
): Promise<{ socket: Socket; count: () => number }> {
  const socket = io(base, { auth: { token }, transports: ['websocket'] });
  let count = 0;
  socket.onAny((name: string) => {
    if (name !== 'replay.done') count++;
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return { socket, count: () => count };
}

/**
 * Real state changes through the API, paced to a target rate of live events: a street operator
 * raises and registers incidents and blows whistles to two departments, whose officers accept and
 * report arrival. A pacing loop issues the next step whenever the events counted so far fall behind
 * `rate × elapsed`, with a bounded number of requests in flight.
 */
export async function driveEvents(
  base: string,
  options: { rate: number; seconds: number; counted: () => number },
): Promise<{ requests: number; errors: number; events: number; seconds: number }> {
  const street = (await login(base, `street.${STREET}`)).accessToken;
  const officers = await Promise.all(
    DEPARTMENTS.map(async (d) => (await login(base, `dept.${d}`)).accessToken),
  );
  const departments = await api<{ id: string; code: string }[]>(base, street, 'GET', '/api/departments');
  const deptIds = DEPARTMENTS.map((code) => departments.find((d) => d.code === code)?.id ?? '');
  const streets = await api<{ id: string; code: string }[]>(base, street, 'GET', '/api/streets');
  const streetId = streets.find((s) => s.code === STREET)?.id;
  const grids = await api<{ features: Grid[] }>(base, street, 'GET', `/api/grids?streetId=${streetId}`);
  // Demo grids are convex cells, so the mean of a ring's vertices lies inside its grid.
  const points = grids.features.map((g) => {
    const ring = g.geometry.coordinates[0] ?? [];
    const n = Math.max(1, ring.length - 1);
    const sum = ring.slice(0, n).reduce(([x, y], [lng = 0, lat = 0]) => [x + lng, y + lat], [0, 0]);
    return { lng: sum[0] / n, lat: sum[1] / n };
  });

  let requests = 0;
  let errors = 0;
  let inflight = 0;
  let serial = 0;
  // Steps still to take: each incident's next step is queued when its previous one answered.
  const queue: (() => Promise<void>)[] = [];
  const call = async <T>(token: string, method: string, path: string, body?: object): Promise<T> => {
    requests++;
    return api<T>(base, token, method, path, body);
  };
  const newIncident = (): (() => Promise<void>) => async () => {
    const i = serial++;
    const created = await call<{ id: string }>(street, 'POST', '/api/incidents', {
      title: `大屏压测事件 ${i}`,
      category: 'street_vending',
      priority: i % 10 === 0 ? 'urgent' : 'normal',
      location: points[i % points.length],
      source: 'operator',
    });
    queue.push(async () => {
      await call(street, 'POST', `/api/incidents/${created.id}/register`);
      queue.push(async () => {
        const whistle = await call<{ dispatches: { id: string; departmentId: string }[] }>(
          street,
          'POST',
          `/api/incidents/${created.id}/whistles`,
          { type: 'enforcement', departmentIds: deptIds },
        );
        for (const d of whistle.dispatches) {
          const officer = officers[deptIds.indexOf(d.departmentId)] ?? '';
          queue.push(async () => {
            await call(officer, 'POST', `/api/dispatches/${d.id}/accept`, {});
            queue.push(() =>
              call(officer, 'POST', `/api/dispatches/${d.id}/arrive`, {}).then(() => undefined),
            );
          });
        }
      });
    });
  };

  const start = Date.now();
  const base0 = options.counted();
  const end = start + options.seconds * 1000;
  while (Date.now() < end) {
    const due = ((Date.now() - start) / 1000) * options.rate;
    const behind = due - (options.counted() - base0);
    if (behind > 0 && inflight < 24) {
      const step = queue.shift() ?? newIncident();
      inflight++;
      void step()
        .catch(() => {
          errors++;
        })
        .finally(() => inflight--);
      continue;
    }
    await sleep(5);
  }
  const seconds = (Date.now() - start) / 1000;
  return { requests, errors, events: options.counted() - base0, seconds };
}
