import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaDate } from '../../lib/china-time';
import { FormDialog } from '../../lib/ui/FormDialog';
import { FormField, fieldErrorsOf } from '../../lib/ui/FormField';
import { checkText, REASON_MAX, REASON_MIN } from '../notes/text-limits';
import { usePutOnStanding } from './desk-actions';

/** 挂账: the reason the incident cannot be solved within its limit, and when to review it again. */
export function StandingDialog({ incidentId, onClose }: { incidentId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [reviewOn, setReviewOn] = useState('');
  const [touched, setTouched] = useState(false);
  const put = usePutOnStanding(incidentId);
  const fields = fieldErrorsOf(put.error);
  const today = chinaDate(new Date());
  const problems = {
    reason: checkText(reason, REASON_MIN, REASON_MAX) ? t('command.standing.problem.reason') : null,
    reviewOn:
      /^\d{4}-\d{2}-\d{2}$/.test(reviewOn) && reviewOn > today
        ? null
        : t('command.standing.problem.reviewOn'),
  };
  const shown = (key: keyof typeof problems) => [
    ...(touched && problems[key] ? [problems[key]] : []),
    ...(fields[key] ?? []),
  ];

  const submit = () => {
    setTouched(true);
    if (problems.reason || problems.reviewOn) return;
    put.mutate({ reason: reason.trim(), reviewOn }, { onSuccess: onClose });
  };

  return (
    <FormDialog
      title={t('command.standing.title')}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('command.standing.submit')}
      submitting={put.isPending}
      submitTestId="standing-submit"
      error={put.error}
    >
      <FormField label={t('command.standing.reason')} errors={shown('reason')}>
        <textarea
          data-testid="standing-reason"
          rows={3}
          maxLength={REASON_MAX}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </FormField>
      <FormField label={t('command.standing.reviewOn')} errors={shown('reviewOn')}>
        <input
          data-testid="standing-review-on"
          type="date"
          min={today}
          value={reviewOn}
          onChange={(e) => setReviewOn(e.target.value)}
        />
      </FormField>
    </FormDialog>
  );
}
