import type { IncidentSource, LngLat, Priority, WhistleType } from '../domain/vocabulary';
import type { IncidentStatus } from '../machines/incident-machine';
import type { AdminUserView, UserView } from './views';
import type { Role } from '../domain/roles';
import type { IncidentListSort } from './command-desk';

export interface LoginRequest {
  username: string;
  password: string;
}
/**
 * The answer to a login or a refresh. The refresh token itself never appears in a body: it travels
 * only in an httpOnly, SameSite=Strict cookie scoped to /api/auth.
 */
export interface LoginResponse {
  accessToken: string;
  /** When the access token stops working (ISO-8601); refresh a little before. */
  accessTokenExpiresAt: string;
  user: UserView;
  /** After an admin's reset: only POST /api/auth/password (and logout) work until it is done. */
  mustChangePassword: boolean;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
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
  /** `newest` (default) or the desk's `overdue_first`; a cursor pages `newest` only. */
  sort?: IncidentListSort;
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

/** An admin's new account: a temporary password is generated when none is given. */
export interface CreateUserRequest {
  username: string;
  displayName: string;
  role: Role;
  streetId?: string | null;
  departmentId?: string | null;
  gridIds?: string[];
  temporaryPassword?: string;
}

/** An admin's edit of an account; a change of role, scope or `active: false` ends its sessions. */
export interface UpdateUserRequest {
  displayName?: string;
  role?: Role;
  streetId?: string | null;
  departmentId?: string | null;
  gridIds?: string[];
  active?: boolean;
}

export interface ResetPasswordRequest {
  temporaryPassword?: string;
}

/** Shown once: the temporary password the user must replace at the next login. */
export interface TemporaryPasswordResponse {
  user: AdminUserView;
  temporaryPassword: string;
}
