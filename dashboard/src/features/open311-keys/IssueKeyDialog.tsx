import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssuedOpen311ApiKey } from '@whistle/shared';
import { useSubmissionKeys } from '../../lib/api/idempotency-key';
import { FormDialog } from '../../lib/ui/FormDialog';
import { fieldErrorsOf, FormField } from '../../lib/ui/FormField';
import { useIssueKey } from './open311-key-api';

/** Who the key is for and its rate; the issued key goes to `onIssued` to be shown once. */
export function IssueKeyDialog({
  onClose,
  onIssued,
}: {
  onClose: () => void;
  onIssued: (key: IssuedOpen311ApiKey) => void;
}) {
  const { t } = useTranslation();
  const keys = useSubmissionKeys();
  const issue = useIssueKey();
  const [name, setName] = useState('');
  const [rate, setRate] = useState('');
  const errors = fieldErrorsOf(issue.error);
  const submit = () => {
    // Empty: the server's default. Anything else goes as a number; the server says what is wrong with it.
    const rateLimitPerMinute = rate.trim() === '' ? undefined : Number(rate);
    const body = { name: name.trim(), rateLimitPerMinute };
    issue.mutate({ body, idempotencyKey: keys.keyFor(body) }, { onSuccess: onIssued });
  };
  return (
    <FormDialog
      title={t('admin.keys.issueTitle')}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('admin.keys.issue')}
      submitting={issue.isPending}
      submitTestId="key-submit"
      error={issue.error}
      fieldErrors={errors}
    >
      <FormField label={t('admin.keys.name')} hint={t('admin.keys.nameHint')} errors={errors.name}>
        <input value={name} onChange={(e) => setName(e.target.value)} data-testid="key-name" />
      </FormField>
      <FormField
        label={t('admin.keys.rateLimit')}
        hint={t('admin.keys.rateLimitHint')}
        errors={errors.rateLimitPerMinute}
      >
        <input
          type="number"
          min={1}
          value={rate}
          onChange={(e) => setRate(e.target.value)}
          data-testid="key-rate"
        />
      </FormField>
    </FormDialog>
  );
}
