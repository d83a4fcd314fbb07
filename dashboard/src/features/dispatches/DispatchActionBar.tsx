import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DispatchAction, DispatchView, VerifyRequest } from '@whistle/shared';
import { ErrorBox } from '../../lib/ui/ErrorBox';
import { useDeskPost } from '../incidents/incident-queries';
import { ReasonDialog } from '../notes/ReasonDialog';
import { uploadPhotos } from '../photos/photo-api';
import { useSignedIn } from '../session/SessionProvider';
import { ResolveDialog } from './ResolveDialog';
import { VerifyDialog } from './VerifyDialog';

interface ActionVars {
  action: DispatchAction;
  body?: unknown;
}

/**
 * The buttons for one dispatch, for the actions the caller derived from the state machine. Quick
 * actions fire at once; the rest open their dialog, which shows the API's answer if it refuses.
 */
export function DispatchActionBar({
  dispatch,
  actions,
}: {
  dispatch: DispatchView;
  actions: readonly DispatchAction[];
}) {
  const { t } = useTranslation();
  const { token } = useSignedIn();
  const [open, setOpen] = useState<DispatchAction | null>(null);
  const post = useDeskPost<ActionVars, DispatchView>(
    (v) => `/dispatches/${dispatch.id}/${v.action === 'reopen' ? 'verify' : v.action}`,
    (v) => v.body ?? {},
  );
  const run = (action: DispatchAction, body?: unknown) => post.mutateAsync({ action, body });
  const close = () => setOpen(null);
  const task = dispatch.direction === 'dept_to_street';

  const click = (action: DispatchAction) => {
    switch (action) {
      case 'accept':
      case 'arrive':
        post.reset();
        post.mutate({ action });
        return;
      case 'reject':
      case 'resolve':
      case 'verify':
      case 'reopen':
      case 'cancel':
        setOpen(action);
        return;
    }
  };

  if (actions.length === 0) return null;
  return (
    <div className="action-bar">
      <div className="actions">
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            className={
              action === 'reject' || action === 'cancel' || action === 'reopen' ? 'danger' : 'primary'
            }
            data-testid={`action-${action}`}
            disabled={post.isPending}
            onClick={() => click(action)}
          >
            {task && action === 'reject' ? t('desk.returnTask') : t(`dispatchAction.${action}`)}
          </button>
        ))}
      </div>
      {open === null && <ErrorBox error={post.error} />}
      {(open === 'reject' || open === 'cancel') && (
        <ReasonDialog
          title={
            open === 'reject'
              ? task
                ? t('desk.returnTask')
                : t('desk.reject.title')
              : t('desk.cancelDispatch')
          }
          label={t('desk.reject.reason')}
          submitLabel={t(`dispatchAction.${open}`)}
          onClose={close}
          onSubmit={(reason) => run(open, { reason })}
        />
      )}
      {open === 'resolve' && (
        <ResolveDialog
          onClose={close}
          onSubmit={async (note, photos) => {
            if (photos.length > 0) await uploadPhotos(token, dispatch.incidentId, photos, dispatch.id);
            return run('resolve', { note });
          }}
        />
      )}
      {(open === 'verify' || open === 'reopen') && (
        <VerifyDialog
          initialPassed={open === 'verify'}
          ratingRequired={!task}
          onClose={close}
          onSubmit={(body: VerifyRequest) => run(body.passed ? 'verify' : 'reopen', body)}
        />
      )}
    </div>
  );
}
