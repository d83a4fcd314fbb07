import { FINAL_DISPATCH_STATUSES } from '@whistle/shared';
import type { MetricsScope } from './metrics-scope';
import { sql, type SqlFragment } from './sql';

/**
 * WHERE conditions restricting each table to a scope. Aliases are fixed: dispatches `d`,
 * incidents `i`, whistles `w`, ratings `r`. A department's incidents and whistles are the ones it
 * was summoned to; its open ones are those where its own dispatch is not yet finished.
 */

export function districtStreetIds(districtId: string): SqlFragment {
  return sql`(SELECT s.id FROM streets s WHERE s.district_id = ${districtId})`;
}

const finalDispatchStatuses = sql`${[...FINAL_DISPATCH_STATUSES]}::dispatch_status[]`;

function summonedDepartment(link: SqlFragment, departmentId: string, unfinishedOnly: boolean): SqlFragment {
  const unfinished = unfinishedOnly ? sql`AND NOT (dd.status = ANY(${finalDispatchStatuses}))` : sql``;
  return sql`EXISTS (SELECT 1 FROM dispatches dd WHERE ${link} AND dd.department_id = ${departmentId} ${unfinished})`;
}

export function dispatchesIn(scope: MetricsScope): SqlFragment {
  switch (scope.kind) {
    case 'district':
      return sql`d.street_id IN ${districtStreetIds(scope.districtId)}`;
    case 'street':
      return sql`d.street_id = ${scope.streetId}`;
    case 'department':
      return sql`d.department_id = ${scope.departmentId} AND d.street_id IN ${districtStreetIds(scope.districtId)}`;
  }
}

/** Incidents for open counts (a department's: those where its own dispatch is unfinished). */
export function openIncidentsIn(scope: MetricsScope): SqlFragment {
  return incidentsOfScope(scope, true);
}

/** Every incident of the scope, open or not (a department's: those it was summoned to). */
export function incidentsIn(scope: MetricsScope): SqlFragment {
  return incidentsOfScope(scope, false);
}

function incidentsOfScope(scope: MetricsScope, unfinishedOnly: boolean): SqlFragment {
  switch (scope.kind) {
    case 'district':
      return sql`i.district_id = ${scope.districtId}`;
    case 'street':
      return sql`i.street_id = ${scope.streetId}`;
    case 'department':
      return sql`i.district_id = ${scope.districtId} AND ${summonedDepartment(sql`dd.incident_id = i.id`, scope.departmentId, unfinishedOnly)}`;
  }
}

export function whistlesIn(scope: MetricsScope, unfinishedOnly: boolean): SqlFragment {
  switch (scope.kind) {
    case 'district':
      return sql`w.street_id IN ${districtStreetIds(scope.districtId)}`;
    case 'street':
      return sql`w.street_id = ${scope.streetId}`;
    case 'department':
      return sql`w.street_id IN ${districtStreetIds(scope.districtId)} AND ${summonedDepartment(sql`dd.whistle_id = w.id`, scope.departmentId, unfinishedOnly)}`;
  }
}

export function ratingsIn(scope: MetricsScope): SqlFragment {
  switch (scope.kind) {
    case 'district':
      return sql`r.street_id IN ${districtStreetIds(scope.districtId)}`;
    case 'street':
      return sql`r.street_id = ${scope.streetId}`;
    case 'department':
      return sql`r.department_id = ${scope.departmentId} AND r.street_id IN ${districtStreetIds(scope.districtId)}`;
  }
}
