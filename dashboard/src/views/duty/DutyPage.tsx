import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAlerts } from '../../features/alerts/useAlerts';
import { useDispatchExportColumns } from '../../features/dispatches/dispatch-export';
import { useDispatches } from '../../features/dispatches/dispatch-queries';
import { DispatchDetail } from '../../features/dispatches/DispatchDetail';
import { DispatchInboxTable } from '../../features/dispatches/DispatchInboxTable';
import { countTabs, INBOX_TABS, inTab, type InboxTab } from '../../features/dispatches/inbox';
import { SendTaskDialog } from '../../features/dispatches/SendTaskDialog';
import { ViewHeader } from '../../features/header/ViewHeader';
import { useLiveRefresh } from '../../features/live/useLiveRefresh';
import { DepartmentStandingCard } from '../../features/metrics/DepartmentStandingCard';
import { useStreetName } from '../../features/reference/useStreetName';
import { ExportButtons } from '../../lib/export/ExportButtons';
import { QueryState } from '../../lib/ui/QueryState';
import { TabStrip } from '../../lib/ui/TabStrip';
import { useNow } from '../../lib/useNow';
import { useDutyShortcuts } from './duty-shortcuts';
import '../../styles/desk.css';

/** 部门值班台: the department's dispatches by where they stand, one open on the right, live. */
export function DutyPage() {
  const { t } = useTranslation();
  const streetName = useStreetName();
  const dispatches = useDispatches();
  const now = useNow(1000);
  const [tab, setTab] = useState<InboxTab>('new');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  // Any dispatch change may move a row between tabs; refetching keeps the server's `actions` right.
  useLiveRefresh();

  const items = useMemo(() => dispatches.data ?? [], [dispatches.data]);
  const counts = countTabs(items, now);
  const rows = inTab(items, tab, now);
  const selected = items.find((d) => d.id === selectedId) ?? null;
  const exportColumns = useDispatchExportColumns({ header: 'street', name: (d) => streetName(d.streetId) });

  const alerts = useAlerts({ onOpen: (a) => a.dispatchId && open(a.dispatchId) });
  const open = (id: string) => {
    setSelectedId(id);
    alerts.seen(id);
  };
  useDutyShortcuts({ tab, setTab });

  return (
    <div className="desk" data-testid="view-duty">
      <ViewHeader title={t('view.duty')} />
      <div className="toolbar">
        <TabStrip
          tabs={INBOX_TABS}
          active={tab}
          onChange={setTab}
          label={(key) => t(`duty.tab.${key}`)}
          testIdPrefix="tab-"
          counts={counts}
          alarmTabs={['overdue']}
          ariaLabel={t('duty.inbox')}
        />
        <DepartmentStandingCard />
        <span className="toolbar__spacer" />
        {alerts.standing && (
          <span className="alarm-pill" data-testid="alarm-pill">
            {t(`ops.alerts.pill.${alerts.standing}`)}
          </span>
        )}
        <ExportButtons
          rows={rows}
          columns={exportColumns}
          fileName={`${t('ops.export.files.dispatches')}_${t(`duty.tab.${tab}`)}`}
          testId="dispatch-export"
        />
        <button type="button" className="primary" data-testid="send-task" onClick={() => setSending(true)}>
          {t('duty.sendTask.open')}
        </button>
      </div>
      <main className="split">
        <section className="split__list" aria-label={t(`duty.tab.${tab}`)}>
          <QueryState loading={dispatches.isPending} error={dispatches.isError} empty={rows.length === 0}>
            <DispatchInboxTable
              rows={rows}
              now={now}
              selectedId={selectedId}
              fresh={alerts.fresh}
              onOpen={open}
              streetName={streetName}
            />
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
