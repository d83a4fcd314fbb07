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
import type { BoundaryLayer, BoundaryProblem } from './boundary-problems';

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
export type DepartmentView = NamedView & {
  kind: 'department' | 'utility';
  /** The incident categories it handles: a whistle on one of them suggests this department. */
  categories: string[];
};
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

/** A short view of another incident, e.g. one offered as a likely duplicate. */
export type IncidentSummary = Pick<
  IncidentView,
  | 'id'
  | 'title'
  | 'category'
  | 'priority'
  | 'source'
  | 'status'
  | 'location'
  | 'streetId'
  | 'gridId'
  | 'createdAt'
>;

/** An open incident of the same category within 50 m and 24 h, with how far away it is. */
export interface LikelyDuplicate extends IncidentSummary {
  distanceMeters: number;
}

/** What `POST /api/incidents` answers: the new incident and the open ones it may duplicate, nearest first. */
export interface CreatedIncidentView extends IncidentView {
  likelyDuplicates: LikelyDuplicate[];
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
  /** Open incidents of the same category within 50 m, created within 24 h of this one; nearest first. */
  likelyDuplicates: LikelyDuplicate[];
  /** The latest grid worker's on-site check (现场核查) of the fix, for the street before it verifies. */
  lastSiteCheck?: SiteCheckView | null;
}

/** A grid worker's on-site check of a resolved incident; recorded as an event, not a row. */
export interface SiteCheckView {
  fixed: boolean;
  note: string | null;
  checkedById: string;
  checkedAt: IsoTime;
}

export interface Page<T> {
  items: T[];
  total: number;
  /** Opaque cursor for the next page, null on the last page. */
  nextCursor: string | null;
}

/** The row positions of `IncidentPointsView.rows`, in order. */
export const INCIDENT_POINT_FIELDS = [
  'id',
  'lng',
  'lat',
  'category',
  'status',
  'priority',
  'overdue',
  'gridId',
] as const;

/** One open incident as the map draws it, positionally (see INCIDENT_POINT_FIELDS). */
export type IncidentPointRow = [
  id: string,
  lng: number,
  lat: number,
  category: string,
  status: IncidentStatus,
  priority: Priority,
  overdue: boolean,
  gridId: string,
];

/**
 * The wall map's initial set (`GET /api/incidents/points`): every open incident of the caller's
 * scope in one answer, as rows of only the fields the map draws — a small fraction of the bytes
 * of full incident views, and no paging. Live events keep the map current afterwards.
 */
export interface IncidentPointsView {
  fields: typeof INCIDENT_POINT_FIELDS;
  rows: IncidentPointRow[];
  /** More open incidents than the server sends at once: `rows` holds the newest of them. */
  truncated: boolean;
}

/**
 * Where the map's basemap comes from (`GET /api/basemap`, public): a deployment's own style URL,
 * a PMTiles archive (usually the server's own local file), or neither — then the dashboard draws
 * its self-contained offline style.
 */
export interface BasemapView {
  styleUrl: string | null;
  pmtilesUrl: string | null;
}

/**
 * A photo attached to an incident (a grid worker's report, or a duty officer's "resolved" proof).
 * `url` and `thumbnailUrl` are API paths that need the bearer header; browsers show them through
 * object URLs.
 */
export interface PhotoView {
  id: string;
  incidentId: string;
  dispatchId: string | null;
  contentType: string;
  sizeBytes: number;
  width: number;
  height: number;
  url: string;
  thumbnailUrl: string;
  uploadedById: string;
  createdAt: IsoTime;
}

/** `POST /api/incidents/report`: the same body as `POST /api/incidents`, plus the stored photos. */
export type ReportedIncidentView = CreatedIncidentView & { photos: PhotoView[] };

/** Feature properties of the boundary export (`GET /api/boundaries/*`); the import takes the same. */
export interface BoundaryProperties {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
}
export type StreetBoundaryProperties = BoundaryProperties & { districtId: string };
/** `streetCode` lets a file name a parent it creates itself; on import it wins over `streetId`. */
export type CommunityBoundaryProperties = BoundaryProperties & { streetId: string; streetCode: string };
export type GridBoundaryProperties = BoundaryProperties & {
  streetId: string;
  communityId: string;
  communityCode: string;
  kind: GridKind;
  name: string;
};

export interface BoundaryLayerCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** What an import would do (or did) and everything wrong with the file; `ok` only with no problems. */
export interface BoundaryImportReport {
  ok: boolean;
  applied: boolean;
  problems: BoundaryProblem[];
  counts: Record<BoundaryLayer, BoundaryLayerCounts>;
}

/** A user as the admin console sees it. */
export interface AdminUserView extends UserView {
  active: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  passwordChangedAt: string;
}
