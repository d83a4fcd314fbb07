import { useCallback, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { runningStage } from '@whistle/shared';
import { useDispatches } from '../../api/queries';
import { useNames } from '../../i18n/names';
import { useLiveEvents } from '../../live/LiveProvider';
import type { AnyLiveEvent } from '../../live/types';
import { formatDuration } from '../common/duration';
import { QueryState } from '../common/QueryState';
import { useNow } from '../common/useNow';
import { ViewHeader } from '../common/ViewHeader';
import { refreshFromEvents } from '../desk/live-invalidation';
import { useStreetName } from '../desk/useStreetName';
import { DispatchDetail } from './DispatchDetail';
import { countTabs, INBOX_TABS, inTab, isOverdue, type InboxTab } from './inbox';
import { SendTaskDialog } from './SendTaskDialog';
import { useDispatchAlert } from './useDispatchAlert';
import '../desk/desk.css';

/** 部门值班台: the department's dispatches by where they stand, one open on the right, live. */
export function DutyPage() {
  const { t } = useTranslation();
  const names = useNames();
  const streetName = useStreetName();
  const dispatches = useDispatches();
  const client = useQueryClient();
  const alert = useDispatchAlert();
  const now = useNow(1000);
  const [tab, setTab] = useState<InboxTab>('new');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  // Any dispatch change may move a row between tabs; refetching keeps the server's `actions` right.
  const onEvents = useCallback(
    (events: readonly AnyLiveEvent[]) => {
      refreshFromEvents(client, events);
    },
    [client],
  );
  useLiveEvents(onEvents);

  const items = useMemo(() => dispatches.data ?? [], [dispatches.data]);
  const counts = countTabs(items, now);
  const rows = inTab(items, tab, now);
  const selected = items.find((d) => d.id === selectedId) ?? null;

  const open = (id: string) => {
    setSelectedId(id);
    alert.seen(id);
  };

  return (
    <div className="desk" data-testid="view-duty">
      <ViewHeader title={t('view.duty')} />
      <div className="toolbar">
        <div className="tabs" role="tablist" aria-label={t('duty.inbox')}>
          {INBOX_TABS.map((key) => (
            <button
              key={key}
              type="button"
              role="tab"
              aria-selected={tab === key}
              className={`tab${tab === key ? ' tab--on' : ''}${key === 'overdue' && counts.overdue > 0 ? ' tab--alarm' : ''}`}
              data-testid={`tab-${key}`}
              onClick={() => setTab(key)}
            >
              {t(`duty.tab.${key}`)} <span className="count">{counts[key]}</span>
            </button>
          ))}
        </div>
        <span className="toolbar__spacer" />
        {alert.alerting && <span className="alarm-pill">{t('duty.newArrived')}</span>}
        <button
          type="button"
          aria-pressed={alert.soundOn}
          data-testid="sound-toggle"
          onClick={alert.toggleSound}
        >
          {alert.soundOn ? t('duty.soundOn') : t('duty.soundOff')}
        </button>
        <button type="button" className="primary" data-testid="send-task" onClick={() => setSending(true)}>
          {t('duty.sendTask.open')}
        </button>
      </div>
      <main className="split">
        <section className="split__list" aria-label={t(`duty.tab.${tab}`)}>
          <QueryState loading={dispatches.isPending} error={dispatches.isError} empty={rows.length === 0}>
            <table className="table table--rows dk-inbox">
              <thead>
                <tr>
                  <th>{t('list.title')}</th>
                  <th>{t('desk.field.street')}</th>
                  <th>{t('list.whistle')}</th>
                  <th>{t('list.status')}</th>
                  <th>{t('duty.deadline')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((d) => {
                  const stage = runningStage(d.status);
                  const due = stage === 'accept' ? d.acceptBy : stage === 'arrive' ? d.arriveBy : d.resolveBy;
                  const left = Date.parse(due) - now;
                  const overdue = isOverdue(d, now);
                  return (
                    <tr
                      key={d.id}
                      data-testid="dispatch-row"
                      data-dispatch-id={d.id}
                      className={[
                        d.id === selectedId ? 'row--selected' : '',
                        alert.fresh.has(d.id) ? 'row--fresh' : '',
                        overdue ? 'row--overdue' : '',
                      ].join(' ')}
                      tabIndex={0}
                      aria-selected={d.id === selectedId}
                      onClick={() => open(d.id)}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter' || e.key === ' ') {
                          e.preventDefault();
                          open(d.id);
                        }
                      }}
                    >
                      <td>
                        <div className="row-title">{d.incident.title}</div>
                        <div className="muted small">
                          {names.category(d.incident.category)} · {t(`priority.${d.incident.priority}`)}
                        </div>
                      </td>
                      <td>{streetName(d.streetId)}</td>
                      <td>{names.whistleType(d.whistleType)}</td>
                      <td>
                        <span className={`dk-status dk-status--${d.status}`}>
                          {t(`dispatchStatus.${d.status}`)}
                        </span>
                      </td>
                      <td className={overdue ? 'dk-due dk-due--over' : 'dk-due'}>
                        {stage
                          ? `${t(`stage.${stage}`)} · ${
                              left >= 0
                                ? t('desk.timer.left', { time: formatDuration(t, left) })
                                : t('desk.timer.over', { time: formatDuration(t, -left) })
                            }`
                          : names.dateTime(d.updatedAt)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </QueryState>
        </section>
        <aside className="split__detail">
          {selected ? <DispatchDetail dispatch={selected} /> : <p className="muted">{t('duty.pickOne')}</p>}
        </aside>
      </main>
      {sending && <SendTaskDialog onClose={() => setSending(false)} />}
    </div>
  );
}
