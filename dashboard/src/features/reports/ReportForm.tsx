import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, type LngLat } from '@whistle/shared';
import { useNames } from '../../i18n/names';
import { ApiError } from '../../lib/api/client';
import { LocationField } from '../location/LocationField';
import { useGeolocation } from '../location/useGeolocation';
import { MAX_PHOTOS } from '../photos/photo-limits';
import { PhotoPicker } from '../photos/PhotoPicker';
import type { ReportAnswer } from './report-api';
import { useSubmitReport } from './report-api';
import { MAX_DESCRIPTION, validateDraft, type DraftProblems, type ReportDraft } from './report-draft';

/** What the server's refusal means for the worker, by status. */
function submitError(error: unknown): 'tooLarge' | 'photoType' | 'outside' | 'invalid' | 'failed' {
  if (!(error instanceof ApiError)) return 'failed';
  switch (error.status) {
    case 413:
      return 'tooLarge';
    case 415:
      return 'photoType';
    case 403:
    case 422:
      return 'outside';
    case 400:
      return 'invalid';
    default:
      return 'failed';
  }
}

/** 上报问题: category chips, description, photos and location, in one thumb-sized column. */
export function ReportForm({ onReported }: { onReported: (answer: ReportAnswer) => void }) {
  const { t } = useTranslation();
  const names = useNames();
  const { state: geo, locate } = useGeolocation();
  const [category, setCategory] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const [picked, setPicked] = useState<LngLat | null>(null);
  const [tried, setTried] = useState(false);
  const [trimmedPhotos, setTrimmedPhotos] = useState(false);
  const submit = useSubmitReport();

  const location = picked ?? (geo.status === 'located' ? geo.location : null);
  const draft: ReportDraft = { category, description, photos, location };
  const problems: DraftProblems = tried ? validateDraft(draft) : {};

  const send = () => {
    setTried(true);
    if (Object.keys(validateDraft(draft)).length > 0) {
      // On a phone the first problem may be a screen away: bring it into view once it is marked.
      requestAnimationFrame(() =>
        document
          .querySelector('.report-form .field--error')
          ?.scrollIntoView?.({ block: 'center', behavior: 'smooth' }),
      );
      return;
    }
    submit.mutate(draft, { onSuccess: (answer) => onReported(answer) });
  };

  return (
    <form
      className="report-form"
      data-testid="report-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      {/* Location first: it is found by itself, and the worker sees at once whether it was. */}
      <LocationField
        source="device"
        geo={geo}
        relocate={locate}
        value={picked}
        onChange={setPicked}
        problem={!!problems.location}
      />
      {problems.location && <p className="field__error">{t('gridWorker.problems.location.required')}</p>}
      <fieldset className={problems.category ? 'field field--error' : 'field'}>
        <legend>{t('gridWorker.report.category')}</legend>
        <div className="chips" role="radiogroup">
          {CATEGORIES.map((c) => (
            <button
              key={c.code}
              type="button"
              role="radio"
              aria-checked={category === c.code}
              className={category === c.code ? 'chip is-active' : 'chip'}
              data-testid={`category-${c.code}`}
              onClick={() => setCategory(c.code)}
            >
              {names.category(c.code)}
            </button>
          ))}
        </div>
        {problems.category && (
          <p className="field__error">{t(`gridWorker.problems.category.${problems.category}`)}</p>
        )}
      </fieldset>

      <label className={problems.description ? 'field field--error' : 'field'}>
        <span className="field__label">{t('gridWorker.report.description')}</span>
        <textarea
          rows={4}
          value={description}
          data-testid="report-description"
          placeholder={t('gridWorker.report.descriptionHint')}
          onChange={(e) => setDescription(e.target.value)}
        />
        <span className="hint">
          {description.trim().length} / {MAX_DESCRIPTION}
        </span>
        {problems.description && (
          <p className="field__error">{t(`gridWorker.problems.description.${problems.description}`)}</p>
        )}
      </label>

      <fieldset className={problems.photos ? 'field field--error' : 'field'}>
        <legend>{t('gridWorker.photos.label')}</legend>
        <PhotoPicker
          photos={photos}
          onChange={(next) => {
            setTrimmedPhotos(next.length > MAX_PHOTOS);
            setPhotos(next.slice(0, MAX_PHOTOS));
          }}
        />
        {trimmedPhotos && (
          <p className="field__error">{t('gridWorker.photos.trimmed', { max: MAX_PHOTOS })}</p>
        )}
        {problems.photos && (
          <p className="field__error">{t(`gridWorker.problems.photos.${problems.photos}`)}</p>
        )}
      </fieldset>

      {submit.isError && (
        <p className="submit-error" role="alert" data-testid="report-error">
          {t(`gridWorker.submitErrors.${submitError(submit.error)}`)}
        </p>
      )}
      <button
        type="submit"
        className="btn btn--primary btn--block"
        disabled={submit.isPending}
        data-testid="report-submit"
      >
        {submit.isPending ? t('gridWorker.report.sending') : t('gridWorker.report.submit')}
      </button>
    </form>
  );
}
