import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPEN_INCIDENT_STATUSES, type IncidentView } from '@whistle/shared';
import { useAlerts } from '../../features/alerts/useAlerts';
import { useDeskExportColumns, useStandingExportColumns } from '../../features/command-desk/desk-export';
import { DeskDispatchTable } from '../../features/command-desk/DeskDispatchTable';
import { DeskFiltersBar } from '../../features/command-desk/DeskFiltersBar';
import { DeskIncidentTable } from '../../features/command-desk/DeskIncidentTable';
import { OPEN_DISPATCH_STATUSES, type DeskFilters } from '../../features/command-desk/desk-model';
import {
  useDeskDispatches,
  useDeskIncidents,
  useSentDownTasks,
  useStandingRegister,
} from '../../features/command-desk/desk-queries';
import { DistrictTasksPanel } from '../../features/command-desk/DistrictTasksPanel';
import { IncidentStandingAction } from '../../features/command-desk/IncidentStandingAction';
import { OversightBar } from '../../features/command-desk/OversightBar';
import { StandingRegisterPanel } from '../../features/command-desk/StandingRegisterPanel';
import { ToughSuggestions } from '../../features/command-desk/ToughSuggestions';
import { useDispatchExportColumns } from '../../features/dispatches/dispatch-export';
import { DispatchDetail } from '../../features/dispatches/DispatchDetail';
import { isOverdue } from '../../features/dispatches/inbox';
import { ViewHeader } from '../../features/header/ViewHeader';
import { IncidentDetailPane } from '../../features/case-file/IncidentDetailPane';
import { useIncidentExportColumns } from '../../features/incidents/incident-export';
import { useLiveRefresh } from '../../features/live/useLiveRefresh';
import { useStreetName } from '../../features/reference/useStreetName';
import { ExportButtons } from '../../lib/export/ExportButtons';
import { QueryState } from '../../lib/ui/QueryState';
import { TabStrip } from '../../lib/ui/TabStrip';
import { useNow } from '../../lib/useNow';
import { useDeskShortcuts, type DeskTab } from './desk-shortcuts';
import '../../styles/desk.css';
import '../../features/command-desk/command-desk.css';

const TABS: readonly DeskTab[] = ['dispatches', 'incidents', 'standing', 'tasks'];
/** Tabs whose count is work overdue (red above zero); the tasks tab counts work merely open. */
const ALARM_TABS: readonly DeskTab[] = ['dispatches', 'incidents', 'standing'];
type Tab = DeskTab;

const ALL: DeskFilters = { streetId: '', status: '', overdue: 'all' };
const standingAction = (incident: IncidentView) => <IncidentStandingAction incident={incident} />;

/**
 * 区指挥中心工作台: every street's dispatches, overdue first, with the selected one beside the list
 * (its clocks, timeline and the district's actions: 督办, 攻坚哨, 撤销, 改派, 挂账); the suggested
 * 攻坚哨 above the list; every street's incidents, overdue and then those waiting for a whistle
 * first (the incident's own actions and 挂账); the standing register (挂账台账); tasks sent down
 * to streets. Live.
 */
export function CommandDeskPage() {
  const { t } = useTranslation();
  const streetName = useStreetName();
  const now = useNow(1000);
  const [tab, setTab] = useState<Tab>('dispatches');
  const [filters, setFilters] = useState<DeskFilters>(ALL);
  const [incidentFilters, setIncidentFilters] = useState<DeskFilters>(ALL);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [selectedIncidentId, setSelectedIncidentId] = useState<string | null>(null);
  const dispatches = useDeskDispatches(filters);
  const incidents = useDeskIncidents(incidentFilters);
  // The suggestions look at every street, whatever the list's filters.
  const everything = useDeskDispatches(ALL);
  const tasks = useSentDownTasks();
  const standing = useStandingRegister();

  useLiveRefresh();

  // The alert hook of the consoles (features/alerts): an overdue deadline or a returned task rings here.
  // A standing-register review reminder opens the register; the others their dispatch.
  const alerts = useAlerts({
    kinds: ['overdue', 'returned', 'standingReview'],
    onOpen: (a) => (a.dispatchId ? open(a.dispatchId) : setTab('standing')),
  });
  const open = (id: string) => {
    setSelectedId(id);
    alerts.seen(id);
  };

  useDeskShortcuts({ tabs: TABS, tab, setTab });
  const deskColumns = useDeskExportColumns();
  const standingColumns = useStandingExportColumns();
  const taskColumns = useDispatchExportColumns({ header: 'street', name: (d) => streetName(d.streetId) });
  const incidentColumns = useIncidentExportColumns(streetName);
  const incidentRows = incidents.data ?? [];

  const rows = useMemo(() => dispatches.data ?? [], [dispatches.data]);
  const all = useMemo(() => everything.data ?? [], [everything.data]);
  const selected = [...rows, ...all, ...(tasks.data ?? [])].find((d) => d.id === selectedId) ?? null;
  const overdueCount = all.filter((d) => isOverdue(d, now)).length;
  const dueCount = (standing.data ?? []).filter((e) => e.reviewDue).length;
  const counts: Record<Tab, number> = {
    dispatches: overdueCount,
    incidents: incidentRows.filter((i) => i.overdue).length,
    standing: dueCount,
    tasks: (tasks.data ?? []).filter((d) => d.status !== 'verified' && d.status !== 'cancelled').length,
  };

  return (
    <div className="desk cd" data-testid="view-desk">
      <ViewHeader title={t('command.title')} />
      <div className="toolbar">
        <TabStrip
          tabs={TABS}
          active={tab}
          onChange={setTab}
          label={(key) => t(`command.tab.${key}`)}
          testIdPrefix="desk-tab-"
          counts={counts}
          alarmTabs={ALARM_TABS}
          ariaLabel={t('command.title')}
        />
        <span className="toolbar__spacer" />
        {alerts.standing && (
          <span className="alarm-pill" data-testid="alarm-pill">
            {t(`ops.alerts.pill.${alerts.standing}`)}
          </span>
        )}
        {tab === 'dispatches' && (
          <DeskFiltersBar
            filters={filters}
            onChange={setFilters}
            statuses={OPEN_DISPATCH_STATUSES}
            statusLabel={(s) => t(`dispatchStatus.${s}`)}
          />
        )}
        {tab === 'incidents' && (
          <DeskFiltersBar
            filters={incidentFilters}
            onChange={setIncidentFilters}
            statuses={OPEN_INCIDENT_STATUSES}
            statusLabel={(s) => t(`incidentStatus.${s}`)}
          />
        )}
        {tab === 'dispatches' && (
          <ExportButtons
            rows={rows}
            columns={deskColumns}
            fileName={t('ops.export.files.deskDispatches')}
            testId="desk-export"
          />
        )}
        {tab === 'incidents' && (
          <ExportButtons
            rows={incidentRows}
            columns={incidentColumns}
            fileName={t('ops.export.files.deskIncidents')}
            testId="desk-incidents-export"
          />
        )}
        {tab === 'standing' && (
          <ExportButtons
            rows={standing.data ?? []}
            columns={standingColumns}
            fileName={t('ops.export.files.standing')}
            testId="standing-export"
          />
        )}
        {tab === 'tasks' && (
          <ExportButtons
            rows={tasks.data ?? []}
            columns={taskColumns}
            fileName={t('ops.export.files.districtTasks')}
            testId="tasks-export"
          />
        )}
      </div>
      {tab === 'standing' && (
        <main className="cd-single">
          <StandingRegisterPanel />
        </main>
      )}
      {tab === 'incidents' && (
        <main className="split">
          <section className="split__list" aria-label={t('command.tab.incidents')}>
            <QueryState
              loading={incidents.isPending}
              error={incidents.isError}
              empty={incidentRows.length === 0}
            >
              <DeskIncidentTable
                rows={incidentRows}
                now={now}
                selectedId={selectedIncidentId}
                onOpen={setSelectedIncidentId}
                streetName={streetName}
              />
            </QueryState>
          </section>
          <aside className="split__detail">
            {selectedIncidentId ? (
              <IncidentDetailPane
                key={selectedIncidentId}
                incidentId={selectedIncidentId}
                onOpen={setSelectedIncidentId}
                extraActions={standingAction}
              />
            ) : (
              <p className="muted">{t('command.incident.pickOne')}</p>
            )}
          </aside>
        </main>
      )}
      {(tab === 'dispatches' || tab === 'tasks') && (
        <main className="split">
          <section className="split__list" aria-label={t(`command.tab.${tab}`)}>
            {tab === 'dispatches' ? (
              <>
                <ToughSuggestions dispatches={all} />
                <QueryState
                  loading={dispatches.isPending}
                  error={dispatches.isError}
                  empty={rows.length === 0}
                >
                  <DeskDispatchTable
                    rows={rows}
                    now={now}
                    selectedId={selectedId}
                    fresh={alerts.fresh}
                    onOpen={open}
                    streetName={streetName}
                  />
                </QueryState>
              </>
            ) : (
              <DistrictTasksPanel onOpen={open} />
            )}
          </section>
          <aside className="split__detail">
            {selected ? (
              <>
                {/* Keyed: one dispatch's pending or finished escalation never shows on the next. */}
                <OversightBar key={selected.id} dispatch={selected} />
                <DispatchDetail dispatch={selected} />
              </>
            ) : (
              <p className="muted">{t('command.pickOne')}</p>
            )}
          </aside>
        </main>
      )}
    </div>
  );
}
