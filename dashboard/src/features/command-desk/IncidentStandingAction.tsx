import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPEN_INCIDENT_STATUSES, type IncidentView } from '@whistle/shared';
import { StandingDialog } from './StandingDialog';

/** 挂账 from the desk's incident detail: an open incident not yet on the standing register. */
export function IncidentStandingAction({ incident }: { incident: IncidentView }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (incident.standing || !OPEN_INCIDENT_STATUSES.includes(incident.status)) return null;
  return (
    <>
      <button type="button" data-testid="incident-standing" onClick={() => setOpen(true)}>
        {t('command.act.standing')}
      </button>
      {open && <StandingDialog incidentId={incident.id} onClose={() => setOpen(false)} />}
    </>
  );
}
