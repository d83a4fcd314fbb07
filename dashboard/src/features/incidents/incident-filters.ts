import { OPEN_INCIDENT_STATUSES, type IncidentStatus, type Priority } from '@whistle/shared';

/** The list filters the incidents API supports (status, category, priority, overdue, text). */
export interface IncidentFilters {
  status: IncidentStatus | 'open' | '';
  category: string;
  priority: Priority | '';
  overdue: boolean;
  q: string;
}

export const NO_FILTERS: IncidentFilters = {
  status: 'open',
  category: '',
  priority: '',
  overdue: false,
  q: '',
};

export const PAGE_SIZE = 50;

/** Query parameters for GET /api/incidents; empty filters are left out rather than sent blank. */
export function toListQuery(f: IncidentFilters, cursor?: string): Record<string, string | number | boolean> {
  const query: Record<string, string | number | boolean> = { limit: PAGE_SIZE };
  if (f.status === 'open') query.status = OPEN_INCIDENT_STATUSES.join(',');
  else if (f.status) query.status = f.status;
  if (f.category) query.category = f.category;
  if (f.priority) query.priority = f.priority;
  if (f.overdue) query.overdue = true;
  if (f.q.trim()) query.q = f.q.trim();
  if (cursor) query.cursor = cursor;
  return query;
}
