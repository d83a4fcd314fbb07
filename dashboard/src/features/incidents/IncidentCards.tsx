import { useTranslation } from 'react-i18next';
import type { IncidentView } from '@whistle/shared';
import { useNames } from '../../i18n/names';
import { chinaDateTime } from '../../lib/china-time';

/** A phone list of incidents: title, category, status and when, one card each. */
export function IncidentCards({ incidents, testId }: { incidents: readonly IncidentView[]; testId: string }) {
  const { t } = useTranslation();
  const names = useNames();
  return (
    <ul className="cards" data-testid={testId}>
      {incidents.map((i) => (
        <li key={i.id} className="card" data-incident-id={i.id}>
          <div className="card__top">
            <span className="card__title">{i.title}</span>
            <span className={`status status--${i.status}`}>{t(`incidentStatus.${i.status}`)}</span>
          </div>
          <div className="hint">
            {names.category(i.category)} · {chinaDateTime(i.createdAt)}
          </div>
        </li>
      ))}
    </ul>
  );
}
