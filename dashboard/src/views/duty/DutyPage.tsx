import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useDispatches } from '../../api/queries';
import { useNames } from '../../i18n/names';
import { useLiveEvents } from '../../live/LiveProvider';
import type { AnyLiveEvent } from '../../live/types';
import { QueryState } from '../common/QueryState';
import { ViewHeader } from '../common/ViewHeader';
import { DispatchActions } from './DispatchActions';

/** First version of the duty-officer console: the department's dispatches with their allowed actions. */
export function DutyPage() {
  const { t } = useTranslation();
  const names = useNames();
  const dispatches = useDispatches();
  const client = useQueryClient();
  // A dispatch event may add or move a row; refetching keeps `actions` (server-computed) right.
  const onEvents = useCallback(
    (events: readonly AnyLiveEvent[]) => {
      if (events.some((e) => e.type.startsWith('dispatch.') || e.type === 'deadline.overdue')) {
        void client.invalidateQueries({ queryKey: ['dispatches'] });
      }
    },
    [client],
  );
  useLiveEvents(onEvents);
  const items = dispatches.data ?? [];
  return (
    <div className="desk">
      <ViewHeader title={t('view.duty')} />
      <main className="desk__main">
        <h2>{t('list.dispatches')}</h2>
        <QueryState loading={dispatches.isPending} error={dispatches.isError} empty={items.length === 0}>
          <table className="table">
            <thead>
              <tr>
                <th>{t('list.title')}</th>
                <th>{t('list.category')}</th>
                <th>{t('list.whistle')}</th>
                <th>{t('list.status')}</th>
                <th>{t('list.due')}</th>
                <th>{t('list.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id} data-testid="dispatch-row">
                  <td>{d.incident.title}</td>
                  <td>{names.category(d.incident.category)}</td>
                  <td>{names.whistleType(d.whistleType)}</td>
                  <td>
                    {t(`dispatchStatus.${d.status}`)}
                    {d.overdueStages.length > 0 && (
                      <span className="badge badge--red">{t('list.overdue')}</span>
                    )}
                  </td>
                  <td>{names.dateTime(d.status === 'pending' ? d.acceptBy : d.resolveBy)}</td>
                  <td>
                    <DispatchActions dispatch={d} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </QueryState>
      </main>
    </div>
  );
}
