import { useTranslation } from 'react-i18next';
import type { IncidentView } from '@whistle/shared';
import { useNames } from '../../i18n/names';
import { chinaDateTime } from '../../lib/china-time';
import { formatDuration } from '../../lib/duration';
import { SelectableRow } from '../../lib/ui/SelectableRow';

interface DeskIncidentTableProps {
  rows: readonly IncidentView[];
  now: number;
  selectedId: string | null;
  onOpen: (id: string) => void;
  streetName: (id: string) => string;
}

/** Waiting for the street's whistle: reported or registered, no department summoned yet. */
const awaitsWhistle = (i: IncidentView) => i.status === 'reported' || i.status === 'registered';

/**
 * Every street's open incidents, in the server's order: those with an overdue dispatch first, then
 * those still waiting for a whistle, each oldest first — with how long each has been open.
 */
export function DeskIncidentTable({ rows, now, selectedId, onOpen, streetName }: DeskIncidentTableProps) {
  const { t } = useTranslation();
  const names = useNames();
  return (
    <table className="table table--rows cd-table" data-testid="desk-incidents">
      <thead>
        <tr>
          <th>{t('command.column.incident')}</th>
          <th>{t('command.column.street')}</th>
          <th>{t('command.column.status')}</th>
          <th>{t('command.column.reportedAt')}</th>
          <th>{t('command.column.waited')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((i) => (
          <SelectableRow
            key={i.id}
            testId="desk-incident-row"
            data={{ 'data-incident-id': i.id }}
            selected={i.id === selectedId}
            overdue={i.overdue}
            onOpen={() => onOpen(i.id)}
          >
            <td>
              <div className="row-title">{i.title}</div>
              <div className="muted small">
                {names.category(i.category)} · {t(`priority.${i.priority}`)} · {t(`desk.source.${i.source}`)}
              </div>
            </td>
            <td>{streetName(i.streetId)}</td>
            <td>
              <span className={`dk-status dk-status--${i.status}`}>{t(`incidentStatus.${i.status}`)}</span>
              {i.overdue && <span className="cd-missed">{t('list.overdue')}</span>}
              {awaitsWhistle(i) && <span className="cd-waiting">{t('command.incident.waiting')}</span>}
              {i.standing && <span className="cd-standing-tag">{t('command.incident.onStanding')}</span>}
            </td>
            <td className="muted small">{chinaDateTime(i.createdAt)}</td>
            <td className={i.overdue ? 'dk-due dk-due--over' : 'dk-due'}>
              {formatDuration(t, now - Date.parse(i.createdAt))}
            </td>
          </SelectableRow>
        ))}
      </tbody>
    </table>
  );
}
