import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentView, SiteCheckView } from '@whistle/shared';
import { useNames } from '../../i18n/names';
import { chinaDateTime } from '../../lib/china-time';
import { isCurrentCheck } from './site-check';
import { useLastSiteCheck, type SiteCheckAnswer } from './site-check-api';
import { SiteCheckForm } from './SiteCheckForm';

/** 待核查: resolved incidents in my grids, each with its on-site check form or the check already made. */
export function SiteCheckCards({ incidents }: { incidents: readonly IncidentView[] }) {
  return (
    <ul className="cards" data-testid="awaiting-verification">
      {incidents.map((i) => (
        <SiteCheckCard key={i.id} incident={i} />
      ))}
    </ul>
  );
}

function SiteCheckCard({ incident }: { incident: IncidentView }) {
  const { t } = useTranslation();
  const names = useNames();
  const saved = useLastSiteCheck(incident.id);
  // The answer just given shows at once, even before (or without) the detail having loaded.
  const [answer, setAnswer] = useState<SiteCheckAnswer | null>(null);
  const check = answer?.check ?? (isCurrentCheck(saved.data, incident) ? saved.data : null);

  return (
    <li className="card" data-incident-id={incident.id}>
      <div className="card__top">
        <span className="card__title">{incident.title}</span>
        <span className={`status status--${incident.status}`}>{t(`incidentStatus.${incident.status}`)}</span>
      </div>
      <div className="hint">
        {names.category(incident.category)} · {chinaDateTime(incident.createdAt)}
      </div>
      {check ? (
        <CheckDone check={check} photosFailed={answer?.photosFailed ?? false} />
      ) : (
        !saved.isPending && <SiteCheckForm incidentId={incident.id} onChecked={setAnswer} />
      )}
    </li>
  );
}

function CheckDone({ check, photosFailed }: { check: SiteCheckView; photosFailed: boolean }) {
  const { t } = useTranslation();
  return (
    <div
      className={`site-check-done site-check-done--${check.fixed ? 'fixed' : 'not-fixed'}`}
      data-testid="site-check-done"
    >
      <strong>
        {t('gridWorker.siteCheck.checked')} ·{' '}
        {t(check.fixed ? 'gridWorker.siteCheck.fixed' : 'gridWorker.siteCheck.notFixed')}
      </strong>
      <span className="hint">{chinaDateTime(check.checkedAt)}</span>
      {check.note && <p>{check.note}</p>}
      {photosFailed && <p className="field__error">{t('gridWorker.siteCheck.photosFailed')}</p>}
    </div>
  );
}
