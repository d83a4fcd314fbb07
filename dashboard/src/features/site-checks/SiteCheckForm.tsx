import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api/client';
import { MAX_PHOTOS } from '../photos/photo-limits';
import { PhotoPicker } from '../photos/PhotoPicker';
import {
  MAX_SITE_CHECK_NOTE,
  emptySiteCheck,
  validateSiteCheck,
  type SiteCheckDraft,
  type SiteCheckProblems,
} from './site-check';
import { useSubmitSiteCheck, type SiteCheckAnswer } from './site-check-api';

/** What the server's refusal means for the worker, by status. */
function submitError(error: unknown): 'moved' | 'invalid' | 'failed' {
  if (!(error instanceof ApiError)) return 'failed';
  switch (error.status) {
    case 409:
    case 404:
    case 403:
      return 'moved';
    case 400:
      return 'invalid';
    default:
      return 'failed';
  }
}

/** 现场核查: two big buttons (fixed / not fixed), a note (required when not fixed) and optional photos. */
export function SiteCheckForm({
  incidentId,
  onChecked,
}: {
  incidentId: string;
  onChecked: (answer: SiteCheckAnswer) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<SiteCheckDraft>(emptySiteCheck);
  const [tried, setTried] = useState(false);
  const submit = useSubmitSiteCheck(incidentId);
  const problems: SiteCheckProblems = tried ? validateSiteCheck(draft) : {};
  const update = (change: Partial<SiteCheckDraft>) => setDraft((d) => ({ ...d, ...change }));

  const send = () => {
    setTried(true);
    if (Object.keys(validateSiteCheck(draft)).length > 0) return;
    submit.mutate(draft, { onSuccess: (answer) => onChecked(answer) });
  };

  return (
    <form
      className="site-check"
      data-testid={`site-check-${incidentId}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <div className={problems.fixed ? 'site-check__results field--error' : 'site-check__results'}>
        {([true, false] as const).map((fixed) => (
          <button
            key={String(fixed)}
            type="button"
            aria-pressed={draft.fixed === fixed}
            className={`site-check__result site-check__result--${fixed ? 'fixed' : 'not-fixed'}${
              draft.fixed === fixed ? ' is-active' : ''
            }`}
            data-testid={`site-check-${fixed ? 'fixed' : 'not-fixed'}`}
            onClick={() => update({ fixed })}
          >
            {t(fixed ? 'gridWorker.siteCheck.fixed' : 'gridWorker.siteCheck.notFixed')}
          </button>
        ))}
      </div>
      {problems.fixed && <p className="field__error">{t('gridWorker.siteCheck.problems.fixed')}</p>}

      {draft.fixed !== null && (
        <>
          <label className={problems.note ? 'field field--error' : 'field'}>
            <span className="field__label">
              {t(draft.fixed ? 'gridWorker.siteCheck.noteOptional' : 'gridWorker.siteCheck.note')}
            </span>
            <textarea
              rows={3}
              value={draft.note}
              data-testid="site-check-note"
              placeholder={t('gridWorker.siteCheck.noteHint')}
              onChange={(e) => update({ note: e.target.value })}
            />
            <span className="hint">
              {draft.note.trim().length} / {MAX_SITE_CHECK_NOTE}
            </span>
            {problems.note && (
              <p className="field__error">
                {t(`gridWorker.siteCheck.problems.note.${problems.note}`, { max: MAX_SITE_CHECK_NOTE })}
              </p>
            )}
          </label>
          <fieldset className={problems.photos ? 'field field--error' : 'field'}>
            <legend>{t('gridWorker.siteCheck.photos')}</legend>
            <PhotoPicker
              photos={draft.photos}
              testId={`site-check-photos-${incidentId}`}
              onChange={(next) => update({ photos: next.slice(0, MAX_PHOTOS) })}
            />
            {problems.photos && (
              <p className="field__error">{t(`gridWorker.problems.photos.${problems.photos}`)}</p>
            )}
          </fieldset>
        </>
      )}

      {submit.isError && (
        <p className="submit-error" role="alert" data-testid="site-check-error">
          {t(`gridWorker.siteCheck.errors.${submitError(submit.error)}`)}
        </p>
      )}
      <button
        type="submit"
        className="btn btn--primary btn--block"
        disabled={submit.isPending}
        data-testid="site-check-submit"
      >
        {submit.isPending ? t('gridWorker.siteCheck.sending') : t('gridWorker.siteCheck.submit')}
      </button>
    </form>
  );
}
