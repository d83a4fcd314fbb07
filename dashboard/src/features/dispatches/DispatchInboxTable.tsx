import { useTranslation } from 'react-i18next';
import { runningStage, type DispatchView } from '@whistle/shared';
import { useNames } from '../../i18n/names';
import { timeLeftText } from './countdown';
import { chinaDateTime } from '../../lib/china-time';
import { deadlineOf, isOverdue } from './inbox';
import { SelectableDispatchRow } from './SelectableDispatchRow';

interface DispatchInboxTableProps {
  rows: readonly DispatchView[];
  now: number;
  selectedId: string | null;
  /** Dispatches that arrived since the officer last looked: highlighted until opened. */
  fresh: ReadonlySet<string>;
  onOpen: (id: string) => void;
  /** From the page, which loads the street names with the list rather than after it. */
  streetName: (id: string) => string;
}

/** The duty officer's dispatches, one row each, with the running stage's time left (or over). */
export function DispatchInboxTable(props: DispatchInboxTableProps) {
  const { rows, now, selectedId, fresh, onOpen, streetName } = props;
  const { t } = useTranslation();
  const names = useNames();
  return (
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
          const dueAt = Date.parse(deadlineOf(d, stage ?? 'resolve'));
          const overdue = isOverdue(d, now);
          return (
            <SelectableDispatchRow
              key={d.id}
              dispatch={d}
              testId="dispatch-row"
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
              <td>{names.whistleType(d.whistleType)}</td>
              <td>
                <span className={`dk-status dk-status--${d.status}`}>{t(`dispatchStatus.${d.status}`)}</span>
              </td>
              <td className={overdue ? 'dk-due dk-due--over' : 'dk-due'}>
                {stage
                  ? `${t(`stage.${stage}`)} · ${timeLeftText(t, dueAt, now)}`
                  : chinaDateTime(d.updatedAt)}
              </td>
            </SelectableDispatchRow>
          );
        })}
      </tbody>
    </table>
  );
}
