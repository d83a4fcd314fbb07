import type { Role } from '../domain/roles';
import type {
  DispatchDirection,
  GridKind,
  IncidentSource,
  LngLat,
  Priority,
  SatisfactionResult,
  Stage,
  WhistleType,
} from '../domain/vocabulary';
import type { DispatchAction, DispatchAssigneeKind, DispatchStatus } from '../machines/dispatch-machine';
import type { IncidentAction, IncidentStatus } from '../machines/incident-machine';

/** Times travel as ISO-8601 strings. */
export type IsoTime = string;

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  districtId: string;
  streetId: string | null;
  departmentId: string | null;
  gridIds: string[];
}

export interface NamedView {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
}

export type StreetView = NamedView & { districtId: string; center: LngLat };
export type DepartmentView = NamedView & { kind: 'department' | 'utility' };
export interface CategoryView {
  code: string;
  nameZh: string;
  nameEn: string;
  suggestedDepartments: string[];
}

export interface GridFeatureProperties {
  id: string;
  code: string;
  streetId: string;
  communityId: string;
  kind: GridKind;
  name: string;
}

export interface StandingRegisterView {
  reason: string;
  reviewOn: string;
  since: IsoTime;
}

export interface IncidentView {
  id: string;
  title: string;
  description: string | null;
  category: string;
  priority: Priority;
  source: IncidentSource;
  status: IncidentStatus;
  location: LngLat;
  gridId: string;
  communityId: string;
  streetId: string;
  districtId: string;
  rejectReason: string | null;
  mergedIntoId: string | null;
  overdue: boolean;
  standing: StandingRegisterView | null;
  createdAt: IsoTime;
  updatedAt: IsoTime;
  /** What the requesting user may do next, from the incident state machine. */
  actions?: IncidentAction[];
}

export interface DispatchView {
  id: string;
  whistleId: string | null;
  incidentId: string;
  direction: DispatchDirection;
  assigneeKind: DispatchAssigneeKind;
  departmentId: string | null;
  leaderUserId: string | null;
  streetId: string;
  whistleType: WhistleType;
  status: DispatchStatus;
  acceptBy: IsoTime;
  arriveBy: IsoTime;
  resolveBy: IsoTime;
  acceptedAt: IsoTime | null;
  arrivedAt: IsoTime | null;
  resolvedAt: IsoTime | null;
  verifiedAt: IsoTime | null;
  overdueStages: Stage[];
  /** Overdue notices sent so far for the running stage. */
  overdueNotices: number;
  lastOverdueAt: IsoTime | null;
  rejectReason: string | null;
  resolutionNote: string | null;
  arrivalLocation: LngLat | null;
  createdAt: IsoTime;
  updatedAt: IsoTime;
  incident: Pick<IncidentView, 'id' | 'title' | 'category' | 'priority' | 'location' | 'streetId' | 'gridId'>;
  actions?: DispatchAction[];
}

export interface WhistleView {
  id: string;
  incidentId: string;
  streetId: string;
  type: WhistleType;
  note: string | null;
  blownBy: string;
  createdAt: IsoTime;
  dispatches: DispatchView[];
  /** District leaders summoned by a tough whistle (双报到). */
  leaderDispatches: DispatchView[];
}

export interface TimelineEntry {
  eventId: string;
  type: string;
  occurredAt: IsoTime;
  actor: { id: string; displayName: string; role: Role } | null;
  summary: Record<string, unknown>;
}

export interface IncidentDetail extends IncidentView {
  whistles: WhistleView[];
  /** Tasks a department sent down to the street about this incident (dept_to_street). */
  tasks: DispatchView[];
  timeline: TimelineEntry[];
  citizenSatisfaction: SatisfactionResult | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  /** Opaque cursor for the next page, null on the last page. */
  nextCursor: string | null;
}
