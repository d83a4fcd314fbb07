import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DispatchView } from '@whistle/shared';
import { ErrorBox } from '../../lib/ui/ErrorBox';
import { ReasonDialog } from '../notes/ReasonDialog';
import { canEscalate, canReassign, canSupervise } from './desk-model';
import { useBlowTough, useSupervise } from './desk-actions';
import { ReassignDialog } from './ReassignDialog';
import { StandingDialog } from './StandingDialog';

type Open = 'supervise' | 'reassign' | 'standing' | null;

/**
 * What the district command does to a dispatch beyond its state machine (cancelling is in the
 * dispatch's own action bar): 督办, escalate to a 攻坚哨 in one click, 改派, and 挂账 of its incident.
 */
export function OversightBar({ dispatch }: { dispatch: DispatchView }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>(null);
  const supervise = useSupervise(dispatch.id);
  const tough = useBlowTough();
  const close = () => setOpen(null);
  const escalate = () =>
    tough.mutate({
      incidentId: dispatch.incidentId,
      departmentIds: dispatch.departmentId ? [dispatch.departmentId] : [],
      note: t('command.escalate.note', { title: dispatch.incident.title }),
    });

  return (
    <div className="cd-oversight" data-testid="oversight-bar">
      <div className="actions">
        {canSupervise(dispatch) && (
          <button type="button" data-testid="desk-supervise" onClick={() => setOpen('supervise')}>
            {t('command.act.supervise')}
          </button>
        )}
        {canEscalate(dispatch) && (
          <button
            type="button"
            className="danger"
            data-testid="desk-escalate"
            disabled={tough.isPending || tough.isSuccess}
            onClick={escalate}
          >
            {tough.isSuccess ? t('command.escalate.done') : t('command.act.escalate')}
          </button>
        )}
        {canReassign(dispatch) && (
          <button type="button" data-testid="desk-reassign" onClick={() => setOpen('reassign')}>
            {t('command.act.reassign')}
          </button>
        )}
        <button type="button" data-testid="desk-standing" onClick={() => setOpen('standing')}>
          {t('command.act.standing')}
        </button>
      </div>
      <ErrorBox error={tough.error} />
      {open === 'supervise' && (
        <ReasonDialog
          title={t('command.supervise.title')}
          label={t('command.supervise.label')}
          submitLabel={t('command.supervise.submit')}
          onClose={close}
          onSubmit={(note) => supervise.mutateAsync({ note })}
        />
      )}
      {open === 'reassign' && <ReassignDialog dispatch={dispatch} onClose={close} />}
      {open === 'standing' && <StandingDialog incidentId={dispatch.incidentId} onClose={close} />}
    </div>
  );
}
