import type {
  DispatchStatus,
  DispatchView,
  IncidentDetail,
  IncidentView,
  LngLat,
  WhistleType,
} from '@whistle/shared';
import type { Response } from 'supertest';
import { login, type Api } from './clients';
import type { World } from './world';
import { blowWhistle } from './flows';

export { blowWhistle };

/** Every user of the world, logged in. */
export type Actors = Record<keyof World['users'], Api>;
export type ActorName = keyof Actors;

export const ACTOR_NAMES = [
  'operatorA',
  'operatorB',
  'officerX',
  'officerY',
  'gridWorkerA',
  'districtOperator',
  'leaderA',
  'admin',
] as const satisfies readonly ActorName[];

export async function loginAll(baseUrl: string, world: World): Promise<Actors> {
  const entries = await Promise.all(
    ACTOR_NAMES.map(async (name) => [name, await login(baseUrl, world.users[name])] as const),
  );
  return Object.fromEntries(entries) as Actors;
}

/** Awaits a request and insists on its status, naming what was asked and what came back otherwise. */
export async function must(request: PromiseLike<Response>, status: number, what: string): Promise<Response> {
  const res = await request;
  if (res.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res;
}

let counter = 0;

/** Raises an incident at `location` as `reporter` (status `reported`). */
export async function reportIncident(
  reporter: Api,
  location: LngLat,
  overrides: Partial<{ category: string; priority: string; title: string; source: string }> = {},
): Promise<IncidentView> {
  const res = await must(
    reporter.post('/api/incidents', {
      title: overrides.title ?? `测试事件 ${++counter}`,
      category: overrides.category ?? 'street_vending',
      priority: overrides.priority ?? 'normal',
      location,
      source: overrides.source ?? 'operator',
    }),
    201,
    'create incident',
  );
  return res.body as IncidentView;
}

/** Raises and registers (立案) an incident. */
export async function registeredIncident(
  operator: Api,
  location: LngLat,
  overrides: Partial<{ category: string; priority: string; title: string }> = {},
): Promise<IncidentView> {
  const incident = await reportIncident(operator, location, overrides);
  await must(operator.post(`/api/incidents/${incident.id}/register`), 200, 'register incident');
  return incident;
}

/** The two sides of a dispatch: who does the work and who asked for it (and verifies it). */
export interface DispatchSides {
  assignee: Api;
  requester: Api;
}

/**
 * Takes a pending dispatch to `target` through the API, the way its parties would. `reopened`
 * is reached by failing verification, `cancelled` by the requester cancelling it while pending.
 */
export async function driveDispatch(
  sides: DispatchSides,
  dispatchId: string,
  target: DispatchStatus,
): Promise<DispatchView> {
  const path = (action: string) => `/api/dispatches/${dispatchId}/${action}`;
  const step = async (api: Api, action: string, body: object = {}) =>
    (await must(api.post(path(action), body), 200, `${action} dispatch`)).body as DispatchView;
  const { assignee, requester } = sides;
  switch (target) {
    case 'pending':
      return (await must(requester.get(`/api/dispatches/${dispatchId}`), 200, 'get dispatch'))
        .body as DispatchView;
    case 'rejected':
      return step(assignee, 'reject', { reason: '不属于本单位职责' });
    case 'cancelled':
      return step(requester, 'cancel', { reason: '已由其他方式解决' });
    case 'accepted':
      return step(assignee, 'accept');
    case 'arrived':
      await step(assignee, 'accept');
      return step(assignee, 'arrive', {});
    case 'resolved':
    case 'verified':
    case 'reopened': {
      await step(assignee, 'accept');
      await step(assignee, 'arrive', {});
      const resolved = await step(assignee, 'resolve', { note: '已处置完毕' });
      if (target === 'resolved') return resolved;
      if (target === 'verified') return step(requester, 'verify', { passed: true, rating: 5 });
      return step(requester, 'verify', { passed: false, reason: '问题仍然存在' });
    }
  }
}

/** A fresh street-to-department dispatch (one-department whistle on a new registered incident). */
export async function dispatchOf(
  operator: Api,
  officer: Api,
  location: LngLat,
  departmentId: string,
  status: DispatchStatus,
  type: WhistleType = 'enforcement',
): Promise<DispatchView> {
  const incident = await registeredIncident(operator, location);
  const whistle = await blowWhistle(operator, incident.id, [departmentId], type);
  const dispatch = whistle.dispatches[0];
  if (!dispatch) throw new Error('whistle opened no dispatch');
  return driveDispatch({ assignee: officer, requester: operator }, dispatch.id, status);
}

export async function incidentDetail(api: Api, incidentId: string): Promise<IncidentDetail> {
  return (await must(api.get(`/api/incidents/${incidentId}`), 200, 'get incident')).body as IncidentDetail;
}

export async function dispatchView(api: Api, dispatchId: string): Promise<DispatchView> {
  return (await must(api.get(`/api/dispatches/${dispatchId}`), 200, 'get dispatch')).body as DispatchView;
}

/** Every key anywhere in a JSON value, at any depth. */
export function allKeys(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) allKeys(item, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      into.add(key);
      allKeys(inner, into);
    }
  }
  return into;
}

/** A UUID no row has. */
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** The paths (like `whistles[0].dispatches[1].id`) of every string in a JSON value that contains `needle`. */
export function pathsContaining(value: unknown, needle: string, path = '$'): string[] {
  if (typeof value === 'string') return value.includes(needle) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => pathsContaining(item, needle, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => pathsContaining(inner, needle, `${path}.${key}`));
  }
  return [];
}
