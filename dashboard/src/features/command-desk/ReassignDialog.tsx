import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DispatchView } from '@whistle/shared';
import { useNames } from '../../i18n/names';
import { FormDialog } from '../../lib/ui/FormDialog';
import { FormField, fieldErrorsOf } from '../../lib/ui/FormField';
import { useDepartments } from '../reference/reference-queries';
import { useReassign } from './desk-actions';

/** 改派: pick the department the dispatch goes to instead; the API does the rest in one step. */
export function ReassignDialog({ dispatch, onClose }: { dispatch: DispatchView; onClose: () => void }) {
  const { t } = useTranslation();
  const names = useNames();
  const departments = (useDepartments().data ?? []).filter((d) => d.id !== dispatch.departmentId);
  const [departmentId, setDepartmentId] = useState('');
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const reassign = useReassign(dispatch.id);
  const fields = fieldErrorsOf(reassign.error);
  const missing = touched && !departmentId ? [t('command.reassign.required')] : [];

  const submit = () => {
    setTouched(true);
    if (!departmentId) return;
    reassign.mutate(
      { departmentId, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      { onSuccess: onClose },
    );
  };

  return (
    <FormDialog
      title={t('command.reassign.title')}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('command.reassign.submit')}
      submitting={reassign.isPending}
      submitTestId="reassign-submit"
      error={reassign.error}
    >
      <p className="muted">{t('command.reassign.hint')}</p>
      <FormField
        label={t('command.reassign.department')}
        errors={[...missing, ...(fields.departmentId ?? [])]}
        testId="reassign-department-field"
      >
        <select
          data-testid="reassign-department"
          value={departmentId}
          onChange={(e) => setDepartmentId(e.target.value)}
        >
          <option value="">{t('command.reassign.choose')}</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {names.name(d)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label={t('command.reassign.reason')} errors={fields.reason}>
        <textarea rows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </FormField>
    </FormDialog>
  );
}
