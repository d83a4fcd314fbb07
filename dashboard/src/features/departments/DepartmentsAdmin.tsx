import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DepartmentView } from '@whistle/shared';
import { useNames } from '../../i18n/names';
import { ExportButtons } from '../../lib/export/ExportButtons';
import { QueryState } from '../../lib/ui/QueryState';
import { AdminTable, type AdminColumn } from '../admin-table/AdminTable';
import { SectionHeader } from '../admin-table/SectionHeader';
import { useDepartments } from '../reference/reference-queries';
import { DepartmentFormDialog } from './DepartmentFormDialog';

/** 系统管理 · 部门: the departments and utilities a street can summon, and what each handles. */
export function DepartmentsAdmin() {
  const { t } = useTranslation();
  const names = useNames();
  const departments = useDepartments();
  const [open, setOpen] = useState<{ department?: DepartmentView } | null>(null);
  const rows = departments.data ?? [];
  const columns = useMemo<AdminColumn<DepartmentView>[]>(
    () => [
      { key: 'code', header: t('admin.departments.code'), value: (d) => d.code, className: 'mono' },
      { key: 'nameZh', header: t('admin.departments.nameZh'), value: (d) => d.nameZh },
      { key: 'nameEn', header: t('admin.departments.nameEn'), value: (d) => d.nameEn },
      {
        key: 'kind',
        header: t('admin.departments.kind'),
        value: (d) => t(`admin.departments.kinds.${d.kind}`),
        render: (d) => (
          <span className={d.kind === 'utility' ? 'badge badge--amber' : 'badge badge--blue'}>
            {t(`admin.departments.kinds.${d.kind}`)}
          </span>
        ),
      },
      {
        key: 'categories',
        header: t('admin.departments.categories'),
        value: (d) => d.categories.map((c) => names.category(c)).join('、'),
        render: (d) =>
          d.categories.length === 0 ? (
            <span className="muted">{t('admin.departments.none')}</span>
          ) : (
            <span className="admin-chips">
              {d.categories.map((c) => (
                <span key={c} className="admin-chip">
                  {names.category(c)}
                </span>
              ))}
            </span>
          ),
        className: 'admin-table__wrap',
      },
    ],
    [t, names],
  );

  return (
    <section className="admin-panel">
      <SectionHeader title={t('admin.departments.heading')}>
        <ExportButtons
          rows={rows}
          columns={columns}
          fileName={t('admin.departments.heading')}
          testId="departments-export"
        />
        <button type="button" className="primary" onClick={() => setOpen({})} data-testid="department-create">
          {t('admin.departments.create')}
        </button>
      </SectionHeader>
      <QueryState loading={departments.isLoading} error={departments.isError} empty={rows.length === 0}>
        <AdminTable
          rows={rows}
          columns={columns}
          rowKey={(d) => d.id}
          actionsLabel={t('admin.common.actions')}
          testId="departments-table"
          actions={(d) => (
            <button
              type="button"
              onClick={() => setOpen({ department: d })}
              data-testid={`department-edit-${d.code}`}
            >
              {t('admin.common.edit')}
            </button>
          )}
        />
      </QueryState>
      {open && <DepartmentFormDialog department={open.department} onClose={() => setOpen(null)} />}
    </section>
  );
}
