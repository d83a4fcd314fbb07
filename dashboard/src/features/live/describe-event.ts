import type { TFunction } from 'i18next';
import type { FeedNames } from '../reference/useFeedNames';
import type { AnyLiveEvent } from './types';

/**
 * One live event as a plain sentence for the wall's feed ("城管局 已报到 · 占道经营"), or null for
 * events the feed does not announce (metrics pushes arrive every couple of seconds and would drown it).
 */
export function describeEvent(t: TFunction, names: FeedNames, event: AnyLiveEvent): string | null {
  switch (event.type) {
    case 'incident.created':
      return t('feed.incident.created', { title: event.payload.title });
    case 'incident.updated':
      // The server names a status change by the new status; 'overdue' / 'overdue_cleared' flag
      // changes repeat what deadline.overdue already said, so they stay off the feed.
      if (event.payload.change !== event.payload.status) return null;
      return t('feed.incident.updated', {
        title: event.payload.title,
        status: t(`incidentStatus.${event.payload.status}`),
      });
    case 'whistle.created':
      return t('feed.whistle.created', {
        street: names.street(event.payload.streetId),
        type: names.whistleType(event.payload.type),
        count: event.payload.departmentIds.length,
      });
    case 'dispatch.created':
      return t('feed.dispatch.created', {
        dept: names.department(event.payload.departmentId),
        title: event.payload.incident.title,
      });
    case 'dispatch.updated':
      if (event.payload.change === 'overdue') return null; // announced by its deadline.overdue
      // 督办 leaves the status as it was: say what happened, not the status again.
      if (event.payload.change === 'supervise')
        return t('command.feed.supervise', {
          dept: names.department(event.payload.departmentId),
          title: event.payload.incident.title,
        });
      return t('feed.dispatch.updated', {
        dept: names.department(event.payload.departmentId),
        status: t(`dispatchStatus.${event.payload.status}`),
        title: event.payload.incident.title,
      });
    case 'deadline.overdue':
      return t('feed.deadline.overdue', {
        dept: names.department(event.payload.departmentId),
        stage: t(`stage.${event.payload.stage}`),
        street: names.street(event.payload.streetId),
      });
    case 'metrics.updated':
      return null;
  }
}
