import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../desk/Dialog';
import { ErrorBox } from '../desk/ErrorBox';
import { ReplyTemplates } from '../desk/ReplyTemplates';
import { checkText, REASON_MAX, REASON_MIN } from './validation';

interface ReasonDialogProps {
  title: string;
  label: string;
  submitLabel: string;
  onClose: () => void;
  /** Sends the reason; a rejection keeps the dialog open with the API's error shown. */
  onSubmit: (reason: string) => Promise<unknown>;
}

/** A required reason (退回, 不予立案, 退回任务): validated here, then sent; errors stay in the dialog. */
export function ReasonDialog(props: ReasonDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const problem = checkText(reason, REASON_MIN, REASON_MAX);

  const submit = () => {
    setTouched(true);
    if (problem) return;
    setBusy(true);
    setError(null);
    props.onSubmit(reason.trim()).then(
      () => props.onClose(),
      (e: unknown) => {
        setError(e);
        setBusy(false);
      },
    );
  };

  return (
    <Dialog
      title={props.title}
      onClose={props.onClose}
      onSubmit={submit}
      submitLabel={props.submitLabel}
      submitting={busy}
    >
      <label className="dk-field">
        <span>
          {props.label} <span className="required">*</span>
        </span>
        <textarea
          rows={4}
          value={reason}
          maxLength={REASON_MAX}
          aria-invalid={touched && problem !== null}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      {touched && problem && (
        <p className="dk-field-error" role="alert">
          {t(`desk.validation.${problem}`, { min: REASON_MIN, max: REASON_MAX })}
        </p>
      )}
      <ReplyTemplates value={reason} onChange={setReason} />
      <ErrorBox error={error} />
    </Dialog>
  );
}
