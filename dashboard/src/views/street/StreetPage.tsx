import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useIncidents } from '../../api/queries';
import { useNames } from '../../i18n/names';
import { useLiveEvents } from '../../live/LiveProvider';
import type { AnyLiveEvent } from '../../live/types';
import { QueryState } from '../common/QueryState';
import { ViewHeader } from '../common/ViewHeader';

/** First version of the street console: the street's incidents, newest first, refreshed live. */
export function StreetPage() {
  const { t } = useTranslation();
  const names = useNames();
  const incidents = useIncidents();
  const client = useQueryClient();
  const onEvents = useCallback(
    (events: readonly AnyLiveEvent[]) => {
      if (events.some((e) => e.type.startsWith('incident.')))
        void client.invalidateQueries({ queryKey: ['incidents'] });
    },
    [client],
  );
  useLiveEvents(onEvents);
  const items = incidents.data?.items ?? [];
  return (
    <div className="desk">
      <ViewHeader title={t('view.street')} />
      <main className="desk__main">
        <h2>
          {t('list.incidents')} ({incidents.data?.total ?? 0})
        </h2>
        <QueryState loading={incidents.isPending} error={incidents.isError} empty={items.length === 0}>
          <table className="table">
            <thead>
              <tr>
                <th>{t('list.title')}</th>
                <th>{t('list.category')}</th>
                <th>{t('list.priority')}</th>
                <th>{t('list.status')}</th>
                <th>{t('list.reportedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id} data-testid="incident-row">
                  <td>{i.title}</td>
                  <td>{names.category(i.category)}</td>
                  <td>{t(`priority.${i.priority}`)}</td>
                  <td>
                    {t(`incidentStatus.${i.status}`)}
                    {i.overdue && <span className="badge badge--red">{t('list.overdue')}</span>}
                  </td>
                  <td>{names.dateTime(i.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </QueryState>
      </main>
    </div>
  );
}
