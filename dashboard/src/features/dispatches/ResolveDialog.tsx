import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../lib/ui/FormDialog';
import { RequiredNoteField } from '../notes/RequiredNoteField';
import { checkText, NOTE_MAX, NOTE_MIN } from '../notes/text-limits';
import { checkPhotos, MAX_PHOTOS, PHOTO_TYPES } from '../photos/photo-limits';

interface ResolveDialogProps {
  onClose: () => void;
  /** Uploads the photos (if any) and then resolves; a failure keeps the dialog open. */
  onSubmit: (note: string, photos: File[]) => Promise<unknown>;
}

/** 办结: a required note of what was done, and optionally photos of the result. */
export function ResolveDialog(props: ResolveDialogProps) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const noteProblem = checkText(note, NOTE_MIN, NOTE_MAX);
  const photoProblem = checkPhotos(photos);

  const submit = () => {
    setTouched(true);
    if (noteProblem || photoProblem) return;
    setBusy(true);
    setError(null);
    props.onSubmit(note.trim(), photos).then(
      () => props.onClose(),
      (e: unknown) => {
        setError(e);
        setBusy(false);
      },
    );
  };

  return (
    <FormDialog
      title={t('desk.resolve.title')}
      onClose={props.onClose}
      onSubmit={submit}
      submitLabel={t('dispatchAction.resolve')}
      submitting={busy}
      submitTestId="resolve-submit"
      error={error}
    >
      <RequiredNoteField
        label={t('desk.resolve.note')}
        value={note}
        onChange={setNote}
        min={NOTE_MIN}
        max={NOTE_MAX}
        problem={noteProblem}
        showProblem={touched}
      />
      <label className="dk-field">
        <span>{t('desk.resolve.photos', { max: MAX_PHOTOS })}</span>
        <input
          type="file"
          multiple
          accept={PHOTO_TYPES.join(',')}
          onChange={(e) => setPhotos([...(e.target.files ?? [])])}
        />
      </label>
      {photoProblem && (
        <p className="dk-field-error" role="alert">
          {t(`desk.photoProblem.${photoProblem}`, { max: MAX_PHOTOS })}
        </p>
      )}
    </FormDialog>
  );
}
