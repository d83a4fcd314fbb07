import { useState } from 'react';
import { FormDialog } from '../../lib/ui/FormDialog';
import { RequiredNoteField } from './RequiredNoteField';
import { checkText, REASON_MAX, REASON_MIN } from './text-limits';

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
    <FormDialog
      title={props.title}
      onClose={props.onClose}
      onSubmit={submit}
      submitLabel={props.submitLabel}
      submitting={busy}
      error={error}
    >
      <RequiredNoteField
        label={props.label}
        value={reason}
        onChange={setReason}
        min={REASON_MIN}
        max={REASON_MAX}
        problem={problem}
        showProblem={touched}
      />
    </FormDialog>
  );
}
