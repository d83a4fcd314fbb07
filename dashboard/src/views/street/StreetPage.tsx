import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { runningStage } from '@whistle/shared';
import { useAlerts } from '../../features/alerts/useAlerts';
import { useDispatchExportColumns } from '../../features/dispatches/dispatch-export';
import { useDispatches } from '../../features/dispatches/dispatch-queries';
import { TasksInbox } from '../../features/dispatches/TasksInbox';
import { ViewHeader } from '../../features/header/ViewHeader';
import { NO_FILTERS, type IncidentFilters } from '../../features/incidents/incident-filters';
import { IncidentList } from '../../features/incidents/IncidentList';
import { RegisterIncidentDialog } from '../../features/incidents/RegisterIncidentDialog';
import { useLiveRefresh } from '../../features/live/useLiveRefresh';
import { StreetMapColumn } from '../../features/map/StreetMapColumn';
import { useFeedNames } from '../../features/reference/useFeedNames';
import { useSignedIn } from '../../features/session/SessionProvider';
import { ExportButtons } from '../../lib/export/ExportButtons';
import { TabStrip } from '../../lib/ui/TabStrip';
import { IncidentDetailPane } from '../../features/case-file/IncidentDetailPane';
import { useStreetShortcuts } from './street-shortcuts';
import '../../styles/desk.css';

const PANES = ['incidents', 'tasks'] as const;
type Pane = (typeof PANES)[number];

/** 街道指挥中心: register incidents, follow them with their whistles, and take tasks sent down. */
export function StreetPage() {
  const { t } = useTranslation();
  const { streetId } = useSignedIn().user;
  const dispatches = useDispatches();
  const [pane, setPane] = useState<Pane>('incidents');
  const [filters, setFilters] = useState<IncidentFilters>(NO_FILTERS);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [registering, setRegistering] = useState(false);

  // One refetch per batch, whatever its size: lists and the open detail follow the server.
  useLiveRefresh();

  const tasks = useMemo(
    () => (dispatches.data ?? []).filter((d) => d.direction === 'dept_to_street'),
    [dispatches.data],
  );
  const waiting = tasks.filter((d) => runningStage(d.status) !== null).length;
  const feedNames = useFeedNames();
  const taskColumns = useDispatchExportColumns({
    header: 'department',
    name: (d) => feedNames.department(d.departmentId),
  });
  // A task sent down, an overdue deadline or a dispatch sent back: a click on the notification opens its incident.
  const alerts = useAlerts({ onOpen: (a) => setSelectedId(a.incidentId) });
  useStreetShortcuts(pane);

  return (
    <div className="desk" data-testid="view-street">
      <ViewHeader title={t('view.street')} />
      <div className="toolbar">
        <TabStrip
          tabs={PANES}
          active={pane}
          onChange={setPane}
          label={(key) => t(`street.pane.${key}`)}
          testIdPrefix="tab-"
          counts={{ tasks: waiting }}
        />
        <span className="toolbar__spacer" />
        {alerts.standing && (
          <span className="alarm-pill" data-testid="alarm-pill">
            {t(`ops.alerts.pill.${alerts.standing}`)}
          </span>
        )}
        {pane === 'tasks' && (
          <ExportButtons
            rows={tasks}
            columns={taskColumns}
            fileName={t('ops.export.files.tasks')}
            testId="task-export"
          />
        )}
        <button
          type="button"
          className="primary"
          data-testid="register-incident"
          onClick={() => setRegistering(true)}
        >
          {t('street.register.open')}
        </button>
      </div>
      <main className={streetId ? 'split split--map' : 'split'}>
        <section className="split__list">
          {pane === 'incidents' ? (
            <IncidentList
              filters={filters}
              onFilters={setFilters}
              selectedId={selectedId}
              onOpen={setSelectedId}
            />
          ) : (
            <TasksInbox
              tasks={tasks}
              loading={dispatches.isPending}
              error={dispatches.isError}
              onOpen={(incidentId) => {
                setSelectedId(incidentId);
                for (const task of tasks) if (task.incidentId === incidentId) alerts.seen(task.id);
              }}
              fresh={alerts.fresh}
            />
          )}
        </section>
        {streetId && <StreetMapColumn streetId={streetId} onIncidentClick={setSelectedId} />}
        <aside className="split__detail">
          {selectedId ? (
            <IncidentDetailPane key={selectedId} incidentId={selectedId} onOpen={setSelectedId} />
          ) : (
            <p className="muted">{t('street.pickOne')}</p>
          )}
        </aside>
      </main>
      {registering && (
        <RegisterIncidentDialog
          onClose={() => setRegistering(false)}
          onCreated={(id) => {
            setRegistering(false);
            setSelectedId(id);
          }}
        />
      )}
    </div>
  );
}
