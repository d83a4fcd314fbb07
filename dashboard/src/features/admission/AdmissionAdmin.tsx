import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORY_CODES } from '@whistle/shared';
import { useNames } from '../../i18n/names';
import { ErrorBox } from '../../lib/ui/ErrorBox';
import { fieldErrorsOf } from '../../lib/ui/FormField';
import { QueryState } from '../../lib/ui/QueryState';
import { CategoryChecks } from '../admin-table/CategoryChecks';
import { FieldGroup } from '../admin-table/FieldGroup';
import { SectionHeader } from '../admin-table/SectionHeader';
import { useStreets } from '../reference/reference-queries';
import { useAdmissionList, useSaveAdmissionList, type AdmissionList } from './admission-api';

/** 系统管理 · 准入清单: pick a street, tick what departments may send down to it, save. */
export function AdmissionAdmin() {
  const { t } = useTranslation();
  const names = useNames();
  const streets = useStreets();
  const [picked, setPicked] = useState<string | null>(null);
  const streetId = picked ?? streets.data?.[0]?.id ?? null;

  return (
    <section className="admin-panel">
      <SectionHeader title={t('admin.admission.heading')} intro={t('admin.admission.intro')} />
      <QueryState
        loading={streets.isLoading}
        error={streets.isError}
        empty={(streets.data ?? []).length === 0}
      >
        <div className="admin-split">
          <nav className="admin-picker" aria-label={t('admin.admission.street')}>
            {(streets.data ?? []).map((s) => (
              <button
                key={s.id}
                type="button"
                className={
                  s.id === streetId ? 'admin-picker__item admin-picker__item--on' : 'admin-picker__item'
                }
                aria-current={s.id === streetId}
                onClick={() => setPicked(s.id)}
                data-testid={`admission-street-${s.code}`}
              >
                {names.name(s)}
              </button>
            ))}
          </nav>
          {streetId && (
            <AdmissionEditor
              key={streetId}
              streetId={streetId}
              streetName={names.name(streets.data?.find((s) => s.id === streetId))}
            />
          )}
        </div>
      </QueryState>
    </section>
  );
}

function AdmissionEditor({ streetId, streetName }: { streetId: string; streetName: string }) {
  const list = useAdmissionList(streetId);
  return (
    <QueryState loading={list.isLoading} error={list.isError} empty={false}>
      {list.data && <AdmissionForm saved={list.data} streetName={streetName} />}
    </QueryState>
  );
}

function AdmissionForm({ saved, streetName }: { saved: AdmissionList; streetName: string }) {
  const { t } = useTranslation();
  const save = useSaveAdmissionList();
  const [categories, setCategories] = useState<string[]>(saved.categories);
  const errors = fieldErrorsOf(save.error);
  const dirty = [...categories].sort().join() !== [...saved.categories].sort().join();
  return (
    <form
      className="admin-card"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ streetId: saved.streetId, categories });
      }}
    >
      <div className="admin-card__tools">
        <strong>{t('admin.admission.count', { count: categories.length })}</strong>
        <span className="admin-toolbar__spacer" />
        <button type="button" onClick={() => setCategories([...CATEGORY_CODES])}>
          {t('admin.admission.selectAll')}
        </button>
        <button type="button" onClick={() => setCategories([])}>
          {t('admin.admission.selectNone')}
        </button>
      </div>
      <FieldGroup
        label={t('admin.admission.categoriesOf', { street: streetName })}
        errors={errors.categories}
      >
        <CategoryChecks value={categories} onChange={setCategories} testIdPrefix="admission-category" />
      </FieldGroup>
      {Object.keys(errors).length === 0 && <ErrorBox error={save.error} />}
      <div className="admin-card__buttons">
        {save.isSuccess && !dirty && <span className="admin-saved">{t('admin.common.saved')}</span>}
        <button
          type="submit"
          className="primary"
          disabled={!dirty || save.isPending}
          data-testid="admission-save"
        >
          {t('admin.common.save')}
        </button>
      </div>
    </form>
  );
}
