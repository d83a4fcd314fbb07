import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../lib/ui/Dialog';

interface SecretDialogProps {
  title: string;
  /** Shown this once: the caller drops it when the dialog closes, so nothing can show it again. */
  secret: string;
  hint?: string;
  onClose: () => void;
  testId?: string;
}

/** A one-time secret (a temporary password, an API key) with a copy button. */
export function SecretDialog({ title, secret, hint, onClose, testId = 'secret' }: SecretDialogProps) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(secret);
    setCopied(true);
  };
  return (
    <Dialog title={title} onClose={onClose} onSubmit={onClose} submitLabel={t('admin.common.close')}>
      <p className="admin-secret__warning" role="note">
        {t('admin.common.secretOnce')}
      </p>
      {hint && <p className="muted admin-secret__hint">{hint}</p>}
      <div className="admin-secret">
        <code data-testid={`${testId}-value`}>{secret}</code>
        <button type="button" onClick={() => void copy()} data-testid={`${testId}-copy`}>
          {copied ? t('admin.common.copied') : t('admin.common.copy')}
        </button>
      </div>
    </Dialog>
  );
}
