import type {
  CreatedIncidentView,
  DispatchView,
  IncidentView,
  LngLat,
  WhistleType,
  WhistleView,
} from '@whistle/shared';
import type { Api } from './clients';
import type { StreetFixture } from './factories';

/** Raises an incident at `location` (as an operator's form would) and returns it as answered. */
export async function raiseIncidentAt(
  api: Api,
  location: LngLat,
  category: string,
  title = '同一问题',
): Promise<CreatedIncidentView> {
  const created = await api.post('/api/incidents', {
    title,
    category,
    priority: 'normal',
    location,
    source: 'operator',
  });
  if (created.status !== 201)
    throw new Error(`create incident: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body as CreatedIncidentView;
}

/** Raises and registers an incident in the street, as its operator would. */
export async function registeredIncident(
  operator: Api,
  street: StreetFixture,
  overrides: Partial<{ category: string; priority: string; title: string; gridIndex: number }> = {},
): Promise<IncidentView> {
  const created = await operator.post('/api/incidents', {
    title: overrides.title ?? '占道经营',
    category: overrides.category ?? 'street_vending',
    priority: overrides.priority ?? 'normal',
    location: street.points[overrides.gridIndex ?? 0],
    source: 'operator',
  });
  if (created.status !== 201)
    throw new Error(`create incident: ${created.status} ${JSON.stringify(created.body)}`);
  const incident = created.body as IncidentView;
  const registered = await operator.post(`/api/incidents/${incident.id}/register`);
  if (registered.status !== 200)
    throw new Error(`register: ${registered.status} ${JSON.stringify(registered.body)}`);
  return registered.body as IncidentView;
}

/** Blows a whistle and returns it with its dispatches. */
export async function blowWhistle(
  operator: Api,
  incidentId: string,
  departmentIds: string[],
  type: WhistleType = 'enforcement',
): Promise<WhistleView> {
  const res = await operator.post(`/api/incidents/${incidentId}/whistles`, {
    type,
    departmentIds,
    note: '请到场处置',
  });
  if (res.status !== 201) throw new Error(`whistle: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as WhistleView;
}

export function only<T>(items: T[]): T {
  if (items.length !== 1) throw new Error(`expected exactly one item, got ${items.length}`);
  return items[0];
}

export type { DispatchView };
