import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../lib/ui/FormDialog';

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
    <FormDialog
      title={props.title}
      onClose={props.onClose}
      onSubmit={props.onConfirm}
      submitLabel={props.confirmLabel || t('admin.common.confirm')}
      submitting={props.pending}
      submitTestId="confirm-submit"
      error={props.error}
    >
      <p>{props.message}</p>
    </FormDialog>
  );
}
