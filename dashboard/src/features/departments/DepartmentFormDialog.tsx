import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DepartmentView } from '@whistle/shared';
import { useSubmissionKeys } from '../../lib/api/idempotency-key';
import { FormDialog } from '../../lib/ui/FormDialog';
import { FormField, fieldErrorsOf } from '../../lib/ui/FormField';
import { CategoryChecks } from '../admin-table/CategoryChecks';
import { FieldGroup } from '../admin-table/FieldGroup';
import { useCreateDepartment, useUpdateDepartment } from './department-api';

const KINDS: readonly DepartmentView['kind'][] = ['department', 'utility'];

/** Create or edit a department: code, names, kind and the incident categories it handles. */
export function DepartmentFormDialog({
  department,
  onClose,
}: {
  department?: DepartmentView;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const keys = useSubmissionKeys();
  const create = useCreateDepartment();
  const update = useUpdateDepartment();
  const mutation = department ? update : create;
  const [code, setCode] = useState(department?.code ?? '');
  const [nameZh, setNameZh] = useState(department?.nameZh ?? '');
  const [nameEn, setNameEn] = useState(department?.nameEn ?? '');
  const [kind, setKind] = useState<DepartmentView['kind']>(department?.kind ?? 'department');
  const [categories, setCategories] = useState<string[]>(department?.categories ?? []);
  const errors = fieldErrorsOf(mutation.error);

  const submit = () => {
    const body = { code: code.trim(), nameZh, nameEn, kind, categories };
    if (department) update.mutate({ id: department.id, body }, { onSuccess: onClose });
    else create.mutate({ body, idempotencyKey: keys.keyFor(body) }, { onSuccess: onClose });
  };

  return (
    <FormDialog
      title={
        department
          ? t('admin.departments.editTitle', { name: department.nameZh })
          : t('admin.departments.createTitle')
      }
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('admin.common.save')}
      submitting={mutation.isPending}
      submitTestId="department-submit"
      wide
      error={mutation.error}
      fieldErrors={errors}
    >
      <div className="admin-form-grid">
        <FormField
          label={t('admin.departments.code')}
          hint={t('admin.departments.codeHint')}
          errors={errors.code}
        >
          <input value={code} onChange={(e) => setCode(e.target.value)} data-testid="department-code" />
        </FormField>
        <FormField label={t('admin.departments.kind')} errors={errors.kind}>
          <select
            value={kind}
            onChange={(e) => setKind(e.target.value as DepartmentView['kind'])}
            data-testid="department-kind"
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`admin.departments.kinds.${k}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label={t('admin.departments.nameZh')} errors={errors.nameZh}>
          <input
            value={nameZh}
            onChange={(e) => setNameZh(e.target.value)}
            data-testid="department-name-zh"
          />
        </FormField>
        <FormField label={t('admin.departments.nameEn')} errors={errors.nameEn}>
          <input
            value={nameEn}
            onChange={(e) => setNameEn(e.target.value)}
            data-testid="department-name-en"
          />
        </FormField>
      </div>
      <FieldGroup
        label={t('admin.departments.categories')}
        hint={t('admin.departments.categoriesHint')}
        errors={errors.categories}
      >
        <CategoryChecks value={categories} onChange={setCategories} testIdPrefix="department-category" />
      </FieldGroup>
    </FormDialog>
  );
}
