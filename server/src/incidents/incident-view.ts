import type { IncidentAction, IncidentView } from '@whistle/shared';
import type { Incident } from './incident.entity';

export function toIncidentView(i: Incident, actions?: IncidentAction[]): IncidentView {
  return {
    id: i.id,
    title: i.title,
    description: i.description,
    category: i.category,
    priority: i.priority,
    source: i.source,
    status: i.status,
    location: { lng: i.lng, lat: i.lat },
    gridId: i.gridId,
    communityId: i.communityId,
    streetId: i.streetId,
    districtId: i.districtId,
    rejectReason: i.rejectReason,
    mergedIntoId: i.mergedIntoId,
    overdue: i.overdue,
    standing:
      i.standingReason && i.standingReviewOn && i.standingSince
        ? { reason: i.standingReason, reviewOn: i.standingReviewOn, since: i.standingSince.toISOString() }
        : null,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
    ...(actions ? { actions } : {}),
  };
}
