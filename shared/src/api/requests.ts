import type { IncidentSource, LngLat, Priority, WhistleType } from '../domain/vocabulary';
import type { IncidentStatus } from '../machines/incident-machine';
import type { UserView } from './views';

export interface LoginRequest {
  username: string;
  password: string;
}
export interface LoginResponse {
  accessToken: string;
  user: UserView;
}

export interface CreateIncidentRequest {
  title: string;
  description?: string;
  category: string;
  priority: Priority;
  location: LngLat;
  source: IncidentSource;
}

/** POST /api/incidents/:id/site-checks: a note (1..500) is required when the fix did not hold. */
export interface SiteCheckRequest {
  fixed: boolean;
  note?: string;
}

export interface RejectRequest {
  reason: string;
}

export interface MergeIncidentRequest {
  intoIncidentId: string;
}

export interface StandingRegisterRequest {
  reason: string;
  /** Date (YYYY-MM-DD) on which the district reviews the matter again. */
  reviewOn: string;
}

export interface ListIncidentsQuery {
  streetId?: string;
  status?: IncidentStatus[];
  category?: string;
  priority?: Priority;
  overdue?: boolean;
  /** minLng,minLat,maxLng,maxLat */
  bbox?: string;
  q?: string;
  limit?: number;
  /** Page number (1-based) for page pagination; ignored when `cursor` is given. */
  page?: number;
  cursor?: string;
}

export interface BlowWhistleRequest {
  type: WhistleType;
  departmentIds: string[];
  note?: string;
}

export interface ArriveRequest {
  location?: LngLat;
}
export interface ResolveRequest {
  note: string;
}
export interface VerifyRequest {
  passed: boolean;
  rating?: number;
  comment?: string;
  /** Required when `passed` is false: why the fix did not hold. */
  reason?: string;
}

/** A department sends a task down to a street (dept_to_street). */
export interface SendTaskRequest {
  streetId: string;
  title: string;
  description?: string;
  category: string;
  priority: Priority;
  location: LngLat;
  type?: WhistleType;
}
