import type { DepartmentView, IncidentView, WhistleView } from '@whistle/shared';
import { api, tokenFor } from './api';

/** A grid as GET /grids lists it (a GeoJSON feature). */
export interface GridFeature {
  properties: { id: string; streetId: string };
  geometry: { coordinates: number[][][] };
}

/** The middle of a grid (demo grids are convex: a ring's vertex mean is inside). */
export function middleOf(grid: GridFeature | undefined): { lng: number; lat: number } {
  const ring = grid?.geometry.coordinates[0] ?? [];
  const n = ring.length - 1;
  const sum = ring.slice(0, n).reduce(([x, y], [lng = 0, lat = 0]) => [x + lng, y + lat], [0, 0]);
  return { lng: sum[0] / n, lat: sum[1] / n };
}

/**
 * A point inside one of the street's grids: the middle of its last. Not the first: that is the
 * grid of grid.fuzimiao.01, where the leaders' inbox journey puts an incident it must click on
 * the street map alone, not inside a cluster of the other journeys' incidents (they run at once).
 */
export async function pointInStreet(
  token: string,
  streetCode: string,
): Promise<{ lng: number; lat: number }> {
  const streets = await api<{ id: string; code: string }[]>(token, 'GET', '/streets');
  const street = streets.find((s) => s.code === streetCode);
  const grids = await api<{ features: GridFeature[] }>(token, 'GET', `/grids?streetId=${street?.id}`);
  return middleOf(grids.features[grids.features.length - 1]);
}

/**
 * The street operator of 夫子庙 registers an incident and blows an enforcement whistle to the
 * departments with these codes, through the API as the street console does.
 */
export async function blowFuzimiaoWhistle(
  title: string,
  departmentCodes: string[],
): Promise<{ whistle: WhistleView; dispatchOf: (code: string) => string }> {
  const token = await tokenFor('street.fuzimiao');
  const incident = await api<IncidentView>(token, 'POST', '/incidents', {
    title,
    category: 'street_vending',
    priority: 'high',
    source: 'operator',
    location: await pointInStreet(token, 'fuzimiao'),
  });
  await api(token, 'POST', `/incidents/${incident.id}/register`);
  const departments = await api<DepartmentView[]>(token, 'GET', '/departments');
  const departmentIds = departmentCodes.map((code) => {
    const department = departments.find((d) => d.code === code);
    if (!department) throw new Error(`no department ${code}`);
    return department.id;
  });
  const whistle = await api<WhistleView>(token, 'POST', `/incidents/${incident.id}/whistles`, {
    type: 'enforcement',
    departmentIds,
    note: '请到场处置',
  });
  /** The id of the dispatch to the department with this code. */
  const dispatchOf = (code: string) => {
    const departmentId = departmentIds[departmentCodes.indexOf(code)];
    const dispatch = whistle.dispatches.find((d) => d.departmentId === departmentId);
    if (!dispatch) throw new Error(`the whistle made no dispatch for ${code}`);
    return dispatch.id;
  };
  return { whistle, dispatchOf };
}
