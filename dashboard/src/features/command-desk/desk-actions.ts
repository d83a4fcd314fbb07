import type {
  IncidentView,
  ReassignDispatchRequest,
  ReassignedDispatchView,
  RemoveStandingRequest,
  StandingRegisterRequest,
  SupervisionView,
  WhistleView,
} from '@whistle/shared';
import { useDeskPost } from '../incidents/incident-queries';

/** 督办: a note to the department of an open dispatch (reaches its duty console live). */
export const useSupervise = (dispatchId: string) =>
  useDeskPost<{ note: string }, SupervisionView>(
    () => `/dispatches/${dispatchId}/supervise`,
    (v) => v,
    { creates: true },
  );

/** 改派: cancel this dispatch and open one for another department, one request. */
export const useReassign = (dispatchId: string) =>
  useDeskPost<ReassignDispatchRequest, ReassignedDispatchView>(
    () => `/dispatches/${dispatchId}/reassign`,
    (v) => v,
    { creates: true },
  );

export interface ToughWhistleVars {
  incidentId: string;
  departmentIds: string[];
  note: string;
}

/**
 * 攻坚哨: the desk's escalation. A tough-problem whistle on the incident summons the late
 * department(s) again under the tough timers, and the server adds the district leaders paired
 * with the street (双报到), who answer it from the leaders' inbox.
 */
export const useBlowTough = () =>
  useDeskPost<ToughWhistleVars, WhistleView>(
    (v) => `/incidents/${v.incidentId}/whistles`,
    (v) => ({ type: 'tough', departmentIds: v.departmentIds, note: v.note }),
    { creates: true },
  );

/** 挂账 (put on the standing register, or give it a new review date). */
export const usePutOnStanding = (incidentId: string) =>
  useDeskPost<StandingRegisterRequest, IncidentView>(
    () => `/incidents/${incidentId}/standing`,
    (v) => v,
  );

/** 销账 (take off the standing register). */
export const useRemoveStanding = () =>
  useDeskPost<RemoveStandingRequest & { incidentId: string }, IncidentView>(
    (v) => `/incidents/${v.incidentId}/standing/remove`,
    (v) => ({ reason: v.reason }),
  );
