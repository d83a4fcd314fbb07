import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PHOTOS } from './photo-limits';

/** Camera or gallery, up to nine photos, each previewed with a button to take it out again. */
export function PhotoPicker({
  photos,
  onChange,
  testId = 'report-photos',
}: {
  photos: readonly File[];
  onChange: (next: File[]) => void;
  /** The file input's test id: several pickers may be on one page (one per on-site check). */
  testId?: string;
}) {
  const { t } = useTranslation();
  const previews = useMemo(() => photos.map((p) => URL.createObjectURL(p)), [photos]);
  useEffect(() => () => previews.forEach((url) => URL.revokeObjectURL(url)), [previews]);

  return (
    <div className="photo-picker">
      <ul className="photo-picker__grid">
        {previews.map((url, i) => (
          <li key={url}>
            <img src={url} alt={t('gridWorker.photos.preview', { n: i + 1 })} />
            <button
              type="button"
              className="photo-picker__remove"
              aria-label={t('gridWorker.photos.remove', { n: i + 1 })}
              onClick={() => onChange(photos.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </li>
        ))}
        {photos.length < MAX_PHOTOS && (
          <li>
            <label className="photo-picker__add">
              <span aria-hidden>＋</span>
              <span>{t('gridWorker.photos.add')}</span>
              <input
                type="file"
                accept="image/*"
                capture="environment"
                multiple
                data-testid={testId}
                onChange={(e) => {
                  const chosen = Array.from(e.target.files ?? []);
                  // The same file may be chosen again after removing it.
                  e.target.value = '';
                  onChange([...photos, ...chosen]);
                }}
              />
            </label>
          </li>
        )}
      </ul>
      <p className="hint">{t('gridWorker.photos.count', { count: photos.length, max: MAX_PHOTOS })}</p>
    </div>
  );
}
