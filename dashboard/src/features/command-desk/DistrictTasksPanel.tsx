import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaDateTime } from '../../lib/china-time';
import { QueryState } from '../../lib/ui/QueryState';
import { SendTaskDialog } from '../dispatches/SendTaskDialog';
import { useStreetName } from '../reference/useStreetName';
import { useSignedIn } from '../session/SessionProvider';
import { useSentDownTasks } from './desk-queries';

/** 下派任务: what the district command sent down to streets, and the dialog to send one more. */
export function DistrictTasksPanel({ onOpen }: { onOpen: (dispatchId: string) => void }) {
  const { t } = useTranslation();
  const streetName = useStreetName();
  const { user } = useSignedIn();
  const tasks = useSentDownTasks();
  // The district command sends tasks down; an administrator looking at the desk does not.
  const maySend = user.role === 'district_operator';
  const [sending, setSending] = useState(false);
  const rows = tasks.data ?? [];
  return (
    <section className="cd-tasks" data-testid="district-tasks">
      <div className="toolbar">
        <span className="toolbar__spacer" />
        {maySend && (
          <button type="button" className="primary" data-testid="send-task" onClick={() => setSending(true)}>
            {t('command.tasks.send')}
          </button>
        )}
      </div>
      <QueryState loading={tasks.isPending} error={tasks.isError} empty={rows.length === 0}>
        <table className="table table--rows">
          <thead>
            <tr>
              <th>{t('command.tasks.column.title')}</th>
              <th>{t('command.tasks.column.street')}</th>
              <th>{t('command.tasks.column.status')}</th>
              <th>{t('command.tasks.column.createdAt')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id} data-testid="task-row" tabIndex={0} onClick={() => onOpen(d.id)}>
                <td className="row-title">{d.incident.title}</td>
                <td>{streetName(d.streetId)}</td>
                <td>
                  <span className={`dk-status dk-status--${d.status}`}>
                    {t(`dispatchStatus.${d.status}`)}
                  </span>
                </td>
                <td>{chinaDateTime(d.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </QueryState>
      {sending && <SendTaskDialog onClose={() => setSending(false)} />}
    </section>
  );
}
