import type { TFunction } from 'i18next';
import { chinaDateTime } from '../../lib/china-time';
import type { FeedNames } from '../reference/useFeedNames';
import type { Alert } from './alert-rules';

export interface AlertMessage {
  title: string;
  body: string;
  /** Same tag, same notification: the system replaces instead of stacking repeats. */
  tag: string;
}

/**
 * The notification's words, in the UI language. An overdue notice carries no incident title, so
 * the caller passes what it knows (the dispatch lists in the query cache); failing that it says
 * "a dispatch".
 */
export function describeAlert(
  t: TFunction,
  names: FeedNames,
  alert: Alert,
  titleOf: (dispatchId: string) => string | undefined = () => undefined,
): AlertMessage {
  switch (alert.kind) {
    case 'newDispatch': {
      const d = alert.dispatch;
      return {
        title: t('ops.alerts.title.newDispatch', { title: d.incident.title }),
        body: t('ops.alerts.body.newDispatch', {
          street: names.street(d.streetId),
          whistleType: names.whistleType(d.whistleType),
          category: names.category(d.incident.category),
        }),
        tag: alert.key,
      };
    }
    case 'overdue': {
      const e = alert.event;
      return {
        title: t('ops.alerts.title.overdue', {
          stage: t(`stage.${e.stage}`),
          title: titleOf(e.dispatchId) ?? t('ops.alerts.someDispatch'),
        }),
        body: t('ops.alerts.body.overdue', {
          who: names.department(e.departmentId),
          street: names.street(e.streetId),
          due: chinaDateTime(e.dueAt),
        }),
        tag: `overdue:${e.dispatchId}`,
      };
    }
    case 'returned': {
      const d = alert.dispatch;
      const rejected = d.status === 'rejected';
      // Rejected by the assignee, reopened by the requester: name whoever sent it back.
      const byStreet = (d.direction === 'dept_to_street') === rejected;
      const who = byStreet ? names.street(d.streetId) : names.department(d.departmentId);
      return {
        title: t(rejected ? 'ops.alerts.title.rejected' : 'ops.alerts.title.reopened', {
          title: d.incident.title,
        }),
        body: d.rejectReason ? t('ops.alerts.body.returned', { who, reason: d.rejectReason }) : who,
        tag: alert.key,
      };
    }
    case 'supervised':
      return {
        title: t('ops.alerts.title.supervised', { title: alert.dispatch.incident.title }),
        body: alert.note,
        tag: alert.key,
      };
    case 'standingReview': {
      const incident = alert.incident;
      return {
        title: t('ops.alerts.title.standingReview', { title: incident.title }),
        body: t('ops.alerts.body.standingReview', {
          street: names.street(incident.streetId),
          reason: incident.standing?.reason ?? '',
        }),
        tag: alert.key,
      };
    }
  }
}
