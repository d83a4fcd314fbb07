import type { IncidentStatus } from '@whistle/shared';
import type { IncidentRow as Incident } from '../incidents/incident-row';
import type { Open311Value } from './open311-format';
import type { Open311Request } from './open311-request.entity';
import type { Open311Status } from './request-query';
import { findService } from './service-catalog';
import { toW3c } from './w3c-date';

/** Incident statuses a citizen sees as `closed`: finished, turned down, or folded into another. */
export const CLOSED_INCIDENT_STATUSES: readonly IncidentStatus[] = ['closed', 'rejected', 'merged'];

export function open311StatusOf(status: IncidentStatus): Open311Status {
  return CLOSED_INCIDENT_STATUSES.includes(status) ? 'closed' : 'open';
}

/** What each step of Whistle's process means to the person who reported it. */
export function statusNotesOf(incident: Incident): string {
  switch (incident.status) {
    case 'reported':
      return '已受理，等待街道立案';
    case 'registered':
      return '已立案，等待派单';
    case 'dispatched':
      return '已吹哨派单，等待部门接单';
    case 'in_progress':
      return '职能部门正在处置';
    case 'resolved':
      return '部门已处置，等待街道核查';
    case 'verified':
      return '处置结果已核查通过，等待办结';
    case 'reopened':
      return '核查未通过，重新处置中';
    case 'closed':
      return '已办结';
    case 'rejected':
      return incident.rejectReason ? `不予立案：${incident.rejectReason}` : '不予立案';
    case 'merged':
      return '与其他诉求合并处理';
  }
}

/** What the view needs beyond the incident and its Open311 row, loaded in bulk by the caller. */
export interface RequestContext {
  /** Departments summoned and still responsible (not rejected or cancelled), by name. */
  agencies: string[];
  /** The latest resolve deadline among those dispatches. */
  expectedAt: Date | null;
  /** The latest change of any of its dispatches. */
  dispatchUpdatedAt: Date | null;
  /** Grid, community, street and district names, most specific first. */
  areaNames: string[];
  gridCode: string | null;
}

/** One `<request>` of GET requests, in the spec's field order. */
export function toServiceRequest(
  incident: Incident,
  extras: Open311Request,
  ctx: RequestContext,
): Open311Value {
  const status = open311StatusOf(incident.status);
  const touched =
    ctx.dispatchUpdatedAt && ctx.dispatchUpdatedAt > incident.updatedAt
      ? ctx.dispatchUpdatedAt
      : incident.updatedAt;
  const updated = status === 'closed' ? (incident.closedAt ?? incident.updatedAt) : touched;
  return {
    service_request_id: incident.id,
    status,
    status_notes: statusNotesOf(incident),
    service_name: findService(incident.category)?.service_name ?? incident.category,
    service_code: incident.category,
    description: incident.description,
    agency_responsible: ctx.agencies.length ? ctx.agencies.join('、') : null,
    service_notice: extras.serviceNotice,
    requested_datetime: toW3c(incident.createdAt),
    updated_datetime: toW3c(updated),
    expected_datetime: ctx.expectedAt && status === 'open' ? toW3c(ctx.expectedAt) : null,
    address: extras.addressString ?? (ctx.areaNames.length ? ctx.areaNames.join(', ') : null),
    address_id: extras.addressId ?? ctx.gridCode,
    zipcode: null,
    lat: incident.lat,
    long: incident.lng,
    media_url: extras.mediaUrl,
  };
}
