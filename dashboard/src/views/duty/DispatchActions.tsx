import { useTranslation } from 'react-i18next';
import { dispatchActionsFor, type DispatchAction, type DispatchView } from '@whistle/shared';
import { useDispatchAction } from '../../api/queries';
import { useSignedIn } from '../../api/SessionProvider';

/**
 * The buttons for one dispatch: the server's `actions` when it sent them (they include scope
 * checks), else the shared state machine for this role — never a hand-written list.
 */
export function DispatchActions({ dispatch }: { dispatch: DispatchView }) {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const mutation = useDispatchAction();
  const actions =
    dispatch.actions ??
    dispatchActionsFor(dispatch.status, user.role, dispatch.direction, dispatch.assigneeKind);
  // Reject, resolve, verify and reopen need a reason, note or rating: their dialogs come with the
  // full consoles, so for now they show but stay disabled.
  const needsDialog: readonly DispatchAction[] = ['reject', 'resolve', 'verify', 'reopen'];
  const quick = actions.filter((a) => !needsDialog.includes(a));
  return (
    <span className="actions">
      {quick.map((action) => (
        <button
          key={action}
          type="button"
          disabled={mutation.isPending}
          onClick={() => mutation.mutate({ id: dispatch.id, action })}
        >
          {t(`dispatchAction.${action}`)}
        </button>
      ))}
      {actions
        .filter((a) => !quick.includes(a))
        .map((action) => (
          <button key={action} type="button" disabled title={t('placeholder.comingSoon')}>
            {t(`dispatchAction.${action}`)}
          </button>
        ))}
    </span>
  );
}
