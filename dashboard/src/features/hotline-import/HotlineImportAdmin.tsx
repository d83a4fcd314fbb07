import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UploadProgress } from '../../lib/api/upload-with-progress';
import { UploadFailed } from '../../lib/api/upload-with-progress';
import { ErrorBox } from '../../lib/ui/ErrorBox';
import { FilePicker } from '../../lib/ui/FilePicker';
import { fieldErrorsOf, FormField } from '../../lib/ui/FormField';
import { HotlineImportReport } from './HotlineImportReport';
import { fileRefusalMessages } from './file-refusal';
import { useHotlineImport } from './hotline-import-api';
import './hotline-import.css';

const formatBytes = (n: number): string =>
  n < 1024
    ? `${n} B`
    : n < 1024 * 1024
      ? `${(n / 1024).toFixed(1)} KB`
      : `${(n / 1024 / 1024).toFixed(1)} MB`;

const percentOf = (p: UploadProgress): number => (p.total > 0 ? Math.floor((p.loaded / p.total) * 100) : 0);

/** 12345 import: a batch file goes up with a progress bar, and the import's report comes back. */
export function HotlineImportAdmin() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const upload = useHotlineImport();
  const fieldErrors = fieldErrorsOf(upload.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setMissing(true);
      return;
    }
    upload.mutate(file);
  };
  const fileErrors = [
    ...(missing && !file ? [t('adminImports.hotline.needFile')] : []),
    ...fileRefusalMessages(t, upload.error),
  ];
  const progress = upload.progress;
  const percent = upload.isSuccess ? 100 : progress ? percentOf(progress) : 0;
  const state = upload.isSuccess
    ? 'done'
    : upload.isPending
      ? percent >= 100
        ? 'processing'
        : 'uploading'
      : 'idle';

  return (
    <section className="hotline-import" data-testid="hotline-import">
      <h2>{t('adminImports.hotline.title')}</h2>
      <p className="muted hotline-import__intro">{t('adminImports.hotline.intro')}</p>
      <form className="hotline-import__form" onSubmit={submit} noValidate>
        <FormField
          label={t('adminImports.hotline.file')}
          hint={t('adminImports.hotline.fileHint')}
          errors={fileErrors}
          testId="hotline-file-field"
        >
          <FilePicker
            accept=".xlsx,.csv,.json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv,application/json"
            fileName={file?.name ?? null}
            buttonLabel={t('adminImports.chooseFile')}
            emptyLabel={t('adminImports.noFile')}
            testId="hotline-file"
            disabled={upload.isPending}
            onChange={(chosen) => {
              setFile(chosen ?? null);
              setMissing(false);
              upload.reset();
            }}
          />
        </FormField>
        <div className="hotline-import__actions">
          <button type="submit" className="primary" disabled={upload.isPending} data-testid="hotline-upload">
            {t('adminImports.hotline.upload')}
          </button>
          {upload.isPending && state === 'uploading' && (
            <button type="button" onClick={upload.cancel}>
              {t('adminImports.hotline.cancel')}
            </button>
          )}
        </div>
      </form>
      {state !== 'idle' && progress && (
        <div className="hotline-progress" data-testid="hotline-progress" data-state={state}>
          <div
            className="hotline-progress__bar"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
          >
            <span style={{ width: `${percent}%` }} />
          </div>
          <span className="hotline-progress__text">
            {state === 'done'
              ? t('adminImports.hotline.uploaded', { total: formatBytes(progress.total) })
              : state === 'processing'
                ? t('adminImports.hotline.processing')
                : t('adminImports.hotline.uploading', {
                    percent,
                    loaded: formatBytes(progress.loaded),
                    total: formatBytes(progress.total),
                  })}
          </span>
        </div>
      )}
      {upload.isError && Object.keys(fieldErrors).length === 0 && (
        <div className="hotline-import__error">
          {upload.error instanceof UploadFailed ? (
            <p className="error-text" role="alert">
              {t(upload.error.aborted ? 'adminImports.hotline.cancelled' : 'adminImports.hotline.network')}
            </p>
          ) : (
            <ErrorBox error={upload.error} />
          )}
        </div>
      )}
      {upload.data && <HotlineImportReport {...upload.data} />}
    </section>
  );
}
