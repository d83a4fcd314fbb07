import { useTranslation } from 'react-i18next';
import { runningStage, type DispatchView } from '@whistle/shared';
import { useNames } from '../../i18n/names';
import { timeLeftText } from '../dispatches/countdown';
import { deadlineOf, isOverdue } from '../dispatches/inbox';
import { SelectableDispatchRow } from '../dispatches/SelectableDispatchRow';
import { useAssigneeName } from './useAssigneeName';

interface DeskDispatchTableProps {
  rows: readonly DispatchView[];
  now: number;
  selectedId: string | null;
  /** Dispatches that alerted since the operator last opened them. */
  fresh: ReadonlySet<string>;
  onOpen: (id: string) => void;
  streetName: (id: string) => string;
}

/** Every street's dispatches, overdue first (the server's order), with who owes what and by when. */
export function DeskDispatchTable({
  rows,
  now,
  selectedId,
  fresh,
  onOpen,
  streetName,
}: DeskDispatchTableProps) {
  const { t } = useTranslation();
  const names = useNames();
  const assignee = useAssigneeName();
  return (
    <table className="table table--rows cd-table" data-testid="desk-dispatches">
      <thead>
        <tr>
          <th>{t('command.column.incident')}</th>
          <th>{t('command.column.street')}</th>
          <th>{t('command.column.assignee')}</th>
          <th>{t('command.column.whistle')}</th>
          <th>{t('command.column.status')}</th>
          <th>{t('command.column.deadline')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => {
          const stage = runningStage(d.status);
          const dueAt = Date.parse(deadlineOf(d, stage ?? 'resolve'));
          const overdue = isOverdue(d, now);
          return (
            <SelectableDispatchRow
              key={d.id}
              dispatch={d}
              testId="desk-row"
              selected={d.id === selectedId}
              fresh={fresh.has(d.id)}
              overdue={overdue}
              onOpen={onOpen}
            >
              <td>
                <div className="row-title">{d.incident.title}</div>
                <div className="muted small">
                  {names.category(d.incident.category)} · {t(`priority.${d.incident.priority}`)}
                </div>
              </td>
              <td>{streetName(d.streetId)}</td>
              <td>{assignee(d)}</td>
              <td>{names.whistleType(d.whistleType)}</td>
              <td>
                <span className={`dk-status dk-status--${d.status}`}>{t(`dispatchStatus.${d.status}`)}</span>
                {d.overdueStages.length > 0 && (
                  <span className="cd-missed" title={t('command.column.missed')}>
                    {t('command.missedStages', { count: d.overdueStages.length })}
                  </span>
                )}
              </td>
              <td className={overdue ? 'dk-due dk-due--over' : 'dk-due'}>
                {stage ? `${t(`stage.${stage}`)} · ${timeLeftText(t, dueAt, now)}` : '—'}
              </td>
            </SelectableDispatchRow>
          );
        })}
      </tbody>
    </table>
  );
}
