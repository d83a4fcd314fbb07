import { useTranslation } from 'react-i18next';
import { Dialog } from '../../lib/ui/Dialog';
import { ErrorBox } from '../../lib/ui/ErrorBox';

interface ConfirmDialogProps {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  pending?: boolean;
  error?: unknown;
}

/** "Are you sure?" before an act that cannot be undone from the screen (revoke, deactivate). */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={props.title}
      onClose={props.onClose}
      onSubmit={props.onConfirm}
      submitLabel={props.confirmLabel || t('admin.common.confirm')}
      submitting={props.pending}
      submitTestId="confirm-submit"
    >
      <p>{props.message}</p>
      <ErrorBox error={props.error} />
    </Dialog>
  );
}
