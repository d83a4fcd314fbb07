import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerifyRequest } from '@whistle/shared';
import { FormDialog } from '../../lib/ui/FormDialog';
import { ReplyTemplates } from '../notes/ReplyTemplates';

export type VerifyProblem = 'rating' | 'reason' | null;

/** A pass needs a 1–5 star rating when the street rates a department; a fail needs a reason (≥ 2 chars). */
export function checkVerify(
  passed: boolean,
  rating: number,
  reason: string,
  ratingRequired: boolean,
): VerifyProblem {
  if (passed) return ratingRequired && (rating < 1 || rating > 5) ? 'rating' : null;
  return reason.trim().length < 2 ? 'reason' : null;
}

interface VerifyDialogProps {
  initialPassed: boolean;
  /** Streets rate departments' work; a department checking a street's task does not rate. */
  ratingRequired: boolean;
  onClose: () => void;
  onSubmit: (body: VerifyRequest) => Promise<unknown>;
}

/** 核查: pass (with a star rating) or fail with a reason, which reopens the dispatch. */
export function VerifyDialog(props: VerifyDialogProps) {
  const { t } = useTranslation();
  const [passed, setPassed] = useState(props.initialPassed);
  const [rating, setRating] = useState(0);
  const [reason, setReason] = useState('');
  const [comment, setComment] = useState('');
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const problem = checkVerify(passed, rating, reason, props.ratingRequired);

  const submit = () => {
    setTouched(true);
    if (problem) return;
    setBusy(true);
    setError(null);
    const body: VerifyRequest = passed
      ? {
          passed,
          ...(props.ratingRequired ? { rating } : {}),
          ...(comment.trim() ? { comment: comment.trim() } : {}),
        }
      : { passed, reason: reason.trim() };
    props.onSubmit(body).then(
      () => props.onClose(),
      (e: unknown) => {
        setError(e);
        setBusy(false);
      },
    );
  };

  return (
    <FormDialog
      title={t('desk.verify.title')}
      onClose={props.onClose}
      onSubmit={submit}
      submitLabel={passed ? t('dispatchAction.verify') : t('dispatchAction.reopen')}
      submitting={busy}
      submitTestId="verify-submit"
      error={error}
    >
      <div className="segmented" role="radiogroup" aria-label={t('desk.verify.title')}>
        <label>
          <input type="radio" name="verify-result" checked={passed} onChange={() => setPassed(true)} />
          {t('desk.verify.pass')}
        </label>
        <label>
          <input type="radio" name="verify-result" checked={!passed} onChange={() => setPassed(false)} />
          {t('desk.verify.fail')}
        </label>
      </div>
      {passed && props.ratingRequired && (
        <div className="dk-field">
          <span>
            {t('desk.verify.rating')} <span className="required">*</span>
          </span>
          <div className="stars" role="radiogroup" aria-label={t('desk.verify.rating')}>
            {[1, 2, 3, 4, 5].map((n) => (
              <button
                key={n}
                type="button"
                role="radio"
                aria-checked={rating === n}
                aria-label={t('desk.verify.stars', { count: n })}
                className={n <= rating ? 'star star--on' : 'star'}
                data-testid={`rating-${n}`}
                onClick={() => setRating(n)}
              >
                ★
              </button>
            ))}
          </div>
        </div>
      )}
      {passed ? (
        <label className="dk-field">
          <span>{t('desk.verify.comment')}</span>
          <textarea rows={2} value={comment} maxLength={2000} onChange={(e) => setComment(e.target.value)} />
        </label>
      ) : (
        <>
          <label className="dk-field">
            <span>
              {t('desk.verify.reason')} <span className="required">*</span>
            </span>
            <textarea rows={3} value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />
          </label>
          <ReplyTemplates value={reason} onChange={setReason} />
        </>
      )}
      {touched && problem && (
        <p className="dk-field-error" role="alert">
          {t(`desk.verify.problem.${problem}`)}
        </p>
      )}
    </FormDialog>
  );
}
