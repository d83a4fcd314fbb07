import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StandingEntryView } from '@whistle/shared';
import { useNames } from '../../i18n/names';
import { chinaDateTime } from '../../lib/china-time';
import { QueryState } from '../../lib/ui/QueryState';
import { ReasonDialog } from '../notes/ReasonDialog';
import { useStreetName } from '../reference/useStreetName';
import { useRemoveStanding } from './desk-actions';
import { useStandingRegister } from './desk-queries';

/** 挂账台账: each incident on the register with its reason and review date; due ones stand out. */
export function StandingRegisterPanel() {
  const { t } = useTranslation();
  const names = useNames();
  const streetName = useStreetName();
  const register = useStandingRegister();
  const remove = useRemoveStanding();
  const [removing, setRemoving] = useState<StandingEntryView | null>(null);
  const rows = register.data ?? [];
  return (
    <section className="cd-standing" data-testid="standing-register">
      <QueryState loading={register.isPending} error={register.isError} empty={rows.length === 0}>
        <table className="table table--rows">
          <thead>
            <tr>
              <th>{t('command.column.incident')}</th>
              <th>{t('command.column.street')}</th>
              <th>{t('command.standing.reason')}</th>
              <th>{t('command.standing.since')}</th>
              <th>{t('command.standing.reviewOn')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((entry) => (
              <tr
                key={entry.incident.id}
                data-testid="standing-row"
                data-incident-id={entry.incident.id}
                className={entry.reviewDue ? 'row--overdue' : ''}
              >
                <td>
                  <div className="row-title">{entry.incident.title}</div>
                  <div className="muted small">
                    {names.category(entry.incident.category)} · {t(`incidentStatus.${entry.incident.status}`)}
                  </div>
                </td>
                <td>{streetName(entry.incident.streetId)}</td>
                <td>{entry.incident.standing?.reason}</td>
                <td>{chinaDateTime(entry.incident.standing?.since)}</td>
                <td>
                  {entry.incident.standing?.reviewOn}
                  {entry.reviewDue && (
                    <span className="cd-due" data-testid="standing-due">
                      {t('command.standing.due')}
                    </span>
                  )}
                </td>
                <td>
                  <button type="button" data-testid="standing-remove" onClick={() => setRemoving(entry)}>
                    {t('command.standing.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </QueryState>
      {removing && (
        <ReasonDialog
          title={t('command.standing.removeTitle')}
          label={t('command.standing.removeReason')}
          submitLabel={t('command.standing.removeSubmit')}
          onClose={() => setRemoving(null)}
          onSubmit={(reason) => remove.mutateAsync({ incidentId: removing.incident.id, reason })}
        />
      )}
    </section>
  );
}
