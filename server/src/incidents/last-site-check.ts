import type { LiveEventPayloads, SiteCheckView } from '@whistle/shared';
import type { LoggedEvent } from '../events/event-reads';
import { SITE_CHECK_CHANGE } from './site-checks.service';

/** The latest on-site check among an incident's events (ordered by id), or null if none was made. */
export function lastSiteCheckOf(events: readonly LoggedEvent[], incidentId: string): SiteCheckView | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (!e || e.change !== SITE_CHECK_CHANGE || e.incidentId !== incidentId || !e.actorId) continue;
    const check = (e.payload as LiveEventPayloads['incident.updated']).siteCheck;
    if (!check) continue;
    return {
      fixed: check.fixed,
      note: check.note,
      checkedById: e.actorId,
      checkedAt: e.occurredAt.toISOString(),
    };
  }
  return null;
}
