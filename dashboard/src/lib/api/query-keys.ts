/**
 * Every query key of the dashboard, one factory per resource (TanStack Query's query key
 * factories): a query and each invalidation that must reach it take their key from here, so the
 * two cannot drift apart. A shorter key is the prefix of the longer ones: invalidating
 * `dispatches.all()` refetches every dispatch list.
 */
export const queryKeys = {
  metrics: {
    /** The live summary; each `metrics.updated` push merges its changed sections into it. */
    summary: () => ['metrics', 'summary'] as const,
    /** Every figure of a chosen period (trends, rankings, grid load). */
    periods: () => ['metrics', 'period'] as const,
    period: (path: string, query: Readonly<Record<string, string>>) =>
      [...queryKeys.metrics.periods(), path, query] as const,
  },
  dispatches: {
    all: () => ['dispatches'] as const,
    list: (status?: string) => [...queryKeys.dispatches.all(), status ?? 'all'] as const,
    /** The district command desk's list, with its filters (street, status, overdue). */
    desk: (filters: object) => [...queryKeys.dispatches.all(), 'desk', filters] as const,
  },
  incidents: {
    /** The desks' incident lists; details have a prefix of their own, so a list refresh spares them. */
    lists: () => ['incidents'] as const,
    streetPages: (filters: object) => [...queryKeys.incidents.lists(), 'street', filters] as const,
    /** The district desk's incident list (every street's, overdue first). */
    desk: (filters: object) => [...queryKeys.incidents.lists(), 'desk', filters] as const,
    /** The standing register (挂账台账): under the lists' prefix, so incident events refresh it. */
    standing: () => [...queryKeys.incidents.lists(), 'standing'] as const,
    details: () => ['incident'] as const,
    detail: (id: string) => [...queryKeys.incidents.details(), id] as const,
    /** The grid worker's list, and the detail a site check is read from. */
    gridWorkerList: () => ['grid-worker', 'incidents'] as const,
    gridWorkerDetail: (id: string) => ['grid-worker', 'incident', id] as const,
  },
  photos: {
    all: () => ['photos'] as const,
    ofIncident: (incidentId: string) => [...queryKeys.photos.all(), incidentId] as const,
  },
  timerRules: () => ['timer-rules'] as const,
  grids: () => ['grids'] as const,
  streets: {
    all: () => ['streets'] as const,
    communities: (streetId: string) => ['communities', streetId] as const,
    admissionList: (streetId: string) => ['admission', streetId] as const,
  },
  departments: () => ['departments'] as const,
  boundaries: (kind: 'streets' | 'communities') => ['boundaries', kind] as const,
  basemap: () => ['basemap'] as const,
  reports: {
    /** 月度考核 of one calendar month (YYYY-MM). */
    monthly: (month: string) => ['reports', 'monthly', month] as const,
  },
  /** The admin console's lists (系统管理). */
  admin: {
    users: () => ['admin', 'users'] as const,
    userPage: (filters: object) => [...queryKeys.admin.users(), filters] as const,
    open311Keys: () => ['admin', 'open311-keys'] as const,
    auditLog: (filters: object) => ['admin', 'audit-log', filters] as const,
  },
};
