import { useTranslation } from 'react-i18next';
import type { DispatchView } from '@whistle/shared';
import { useNames } from '../../i18n/names';
import { QueryState } from '../../lib/ui/QueryState';
import { useDepartments } from '../reference/reference-queries';
import { useSignedIn } from '../session/SessionProvider';
import { taskActions } from './dispatch-actions';
import { useAdmissionList } from './dispatch-queries';
import { DispatchActionBar } from './DispatchActionBar';
import { StageTimers } from './StageTimers';

/**
 * Tasks departments sent down to this street. Accepting is always offered; returning only when the
 * task's category is not on the street's admission list (准入清单), as the server enforces.
 */
export function TasksInbox({
  tasks,
  loading,
  error,
  onOpen,
  fresh,
}: {
  tasks: readonly DispatchView[];
  loading: boolean;
  error: boolean;
  onOpen: (incidentId: string) => void;
  /** Tasks that alerted since the operator last opened them (useAlerts): highlighted. */
  fresh?: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const names = useNames();
  const { user } = useSignedIn();
  const admission = useAdmissionList(user.streetId);
  const departments = useDepartments().data ?? [];
  return (
    <QueryState loading={loading} error={error} empty={tasks.length === 0}>
      <ul className="task-list">
        {tasks.map((task) => {
          const listed = admission.data?.categories.includes(task.incident.category) ?? false;
          return (
            <li
              key={task.id}
              className={fresh?.has(task.id) ? 'task row--fresh' : 'task'}
              data-testid="task-row"
              data-dispatch-id={task.id}
            >
              <div className="task__head">
                <button type="button" className="link row-title" onClick={() => onOpen(task.incidentId)}>
                  {task.incident.title}
                </button>
                <span className={`dk-status dk-status--${task.status}`}>
                  {t(`dispatchStatus.${task.status}`)}
                </span>
              </div>
              <div className="muted small">
                {names.name(departments.find((d) => d.id === task.departmentId))} ·{' '}
                {names.category(task.incident.category)} · {t(`priority.${task.incident.priority}`)} ·{' '}
                {listed ? t('street.tasks.onList') : t('street.tasks.offList')}
              </div>
              <StageTimers dispatch={task} />
              <DispatchActionBar
                dispatch={task}
                actions={taskActions(task, user.role, admission.data?.categories)}
              />
            </li>
          );
        })}
      </ul>
    </QueryState>
  );
}
