import type { DispatchView, IncidentView } from '@whistle/shared';

/** Fields of a dispatch to change; `incident` changes only the fields it names. */
export type DispatchPatch = Partial<Omit<DispatchView, 'incident'>> & {
  incident?: Partial<DispatchView['incident']>;
};

const MINUTE = 60_000;
const fromNow = (minutes: number) => new Date(Date.now() + minutes * MINUTE).toISOString();

/**
 * A dispatch as the API lists it: a department summoned by whistle w1 to a street-vending incident,
 * pending, raised ten minutes ago and on time (accept in 20 minutes, arrive in 2 hours, resolve in 10).
 * Tests patch what they depend on; the incident's id follows `incidentId` unless patched.
 */
export function dispatchView(patch: DispatchPatch = {}): DispatchView {
  const { incident, ...rest } = patch;
  const incidentId = patch.incidentId ?? 'i1';
  return {
    id: 'd1',
    whistleId: 'w1',
    incidentId,
    direction: 'street_to_dept',
    assigneeKind: 'department',
    departmentId: 'dep1',
    leaderUserId: null,
    streetId: 's1',
    whistleType: 'enforcement',
    status: 'pending',
    acceptBy: fromNow(20),
    arriveBy: fromNow(120),
    resolveBy: fromNow(600),
    acceptedAt: null,
    arrivedAt: null,
    resolvedAt: null,
    verifiedAt: null,
    overdueStages: [],
    overdueNotices: 0,
    lastOverdueAt: null,
    rejectReason: null,
    resolutionNote: null,
    arrivalLocation: null,
    createdAt: fromNow(-10),
    updatedAt: fromNow(-10),
    ...rest,
    incident: {
      id: incidentId,
      title: '占道经营',
      category: 'street_vending',
      priority: 'normal',
      location: { lng: 118.79, lat: 32.02 },
      streetId: 's1',
      gridId: 'g1',
      ...incident,
    },
  };
}

/**
 * An incident as the API lists it: a registered street-vending incident in street s1, reported an
 * hour ago, on time and off the standing register. Tests patch what they depend on.
 */
export function incidentView(patch: Partial<IncidentView> = {}): IncidentView {
  return {
    id: 'i1',
    title: '占道经营',
    description: null,
    category: 'street_vending',
    priority: 'normal',
    source: 'operator',
    status: 'registered',
    location: { lng: 118.79, lat: 32.02 },
    gridId: 'g1',
    communityId: 'c1',
    streetId: 's1',
    districtId: 'dist1',
    rejectReason: null,
    mergedIntoId: null,
    overdue: false,
    standing: null,
    createdAt: fromNow(-60),
    updatedAt: fromNow(-60),
    ...patch,
  };
}
