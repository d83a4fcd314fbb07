import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type AdminUserView, type Role } from '@whistle/shared';
import { useNames } from '../../i18n/names';
import { chinaDateTime } from '../../lib/china-time';
import { ExportButtons } from '../../lib/export/ExportButtons';
import { QueryState } from '../../lib/ui/QueryState';
import { AdminTable, type AdminColumn } from '../admin-table/AdminTable';
import { ConfirmDialog } from '../admin-table/ConfirmDialog';
import { SecretDialog } from '../admin-table/SecretDialog';
import { SectionHeader } from '../admin-table/SectionHeader';
import { useDepartments, useGrids, useStreets } from '../reference/reference-queries';
import { useResetPassword, useUpdateUser, useUserPage, USERS_PER_PAGE, type UserFilters } from './user-api';
import { UserFormDialog } from './UserFormDialog';

type Open =
  | { kind: 'create' }
  | { kind: 'edit'; user: AdminUserView }
  | { kind: 'reset'; user: AdminUserView }
  | { kind: 'deactivate'; user: AdminUserView }
  | { kind: 'secret'; name: string; password: string }
  | null;

/** 系统管理 · 用户: search the accounts, create one with its scope, edit, deactivate, reset a password. */
export function UsersAdmin() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<UserFilters>({ q: '', role: '', active: '', page: 1 });
  const [open, setOpen] = useState<Open>(null);
  const page = useUserPage(filters);
  const columns = useUserColumns();
  const update = useUpdateUser();
  const reset = useResetPassword();
  const rows = page.data?.items ?? [];
  const total = page.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / USERS_PER_PAGE));
  const filter = (patch: Partial<UserFilters>) => setFilters((f) => ({ ...f, page: 1, ...patch }));
  const close = () => {
    update.reset();
    reset.reset();
    setOpen(null);
  };

  return (
    <section className="admin-panel">
      <SectionHeader title={t('admin.users.heading')}>
        <button
          type="button"
          className="primary"
          onClick={() => setOpen({ kind: 'create' })}
          data-testid="user-create"
        >
          {t('admin.users.create')}
        </button>
      </SectionHeader>
      <div className="admin-toolbar">
        <input
          type="search"
          value={filters.q}
          placeholder={t('admin.users.searchPlaceholder')}
          aria-label={t('admin.common.search')}
          onChange={(e) => filter({ q: e.target.value })}
          data-testid="user-search"
        />
        <select
          value={filters.role}
          aria-label={t('admin.users.role')}
          onChange={(e) => filter({ role: e.target.value as Role | '' })}
          data-testid="user-filter-role"
        >
          <option value="">
            {t('admin.users.role')}: {t('admin.common.all')}
          </option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
        <select
          value={filters.active}
          aria-label={t('admin.users.status')}
          onChange={(e) => filter({ active: e.target.value as UserFilters['active'] })}
        >
          <option value="">
            {t('admin.users.status')}: {t('admin.common.all')}
          </option>
          <option value="true">{t('admin.users.active')}</option>
          <option value="false">{t('admin.users.inactive')}</option>
        </select>
        <span className="admin-toolbar__spacer" />
        <span className="muted">{t('admin.common.total', { count: total })}</span>
        <ExportButtons
          rows={rows}
          columns={columns}
          fileName={t('admin.users.heading')}
          testId="users-export"
        />
      </div>
      <QueryState loading={page.isLoading} error={page.isError} empty={rows.length === 0}>
        <AdminTable
          rows={rows}
          columns={columns}
          rowKey={(u) => u.id}
          rowClassName={(u) => (u.active ? undefined : 'admin-row--inactive')}
          actionsLabel={t('admin.common.actions')}
          testId="users-table"
          actions={(u) => (
            <span className="actions">
              <button type="button" onClick={() => setOpen({ kind: 'edit', user: u })}>
                {t('admin.common.edit')}
              </button>
              <button type="button" onClick={() => setOpen({ kind: 'reset', user: u })}>
                {t('admin.users.resetPassword')}
              </button>
              {u.active ? (
                <button
                  type="button"
                  className="danger"
                  onClick={() => setOpen({ kind: 'deactivate', user: u })}
                >
                  {t('admin.users.deactivate')}
                </button>
              ) : (
                <button type="button" onClick={() => update.mutate({ id: u.id, body: { active: true } })}>
                  {t('admin.users.reactivate')}
                </button>
              )}
            </span>
          )}
        />
        <Pager page={filters.page} pages={pages} onPage={(p) => setFilters((f) => ({ ...f, page: p }))} />
      </QueryState>

      {(open?.kind === 'create' || open?.kind === 'edit') && (
        <UserFormDialog
          user={open.kind === 'edit' ? open.user : undefined}
          onClose={close}
          onCreated={(answer) =>
            setOpen({ kind: 'secret', name: answer.user.displayName, password: answer.temporaryPassword })
          }
        />
      )}
      {open?.kind === 'reset' && (
        <ConfirmDialog
          title={t('admin.users.resetPassword')}
          message={t('admin.users.resetConfirm', { name: open.user.displayName })}
          confirmLabel={t('admin.users.resetPassword')}
          pending={reset.isPending}
          error={reset.error}
          onClose={close}
          onConfirm={() =>
            reset.mutate(open.user.id, {
              onSuccess: (answer) =>
                setOpen({
                  kind: 'secret',
                  name: answer.user.displayName,
                  password: answer.temporaryPassword,
                }),
            })
          }
        />
      )}
      {open?.kind === 'deactivate' && (
        <ConfirmDialog
          title={t('admin.users.deactivate')}
          message={t('admin.users.deactivateConfirm', { name: open.user.displayName })}
          confirmLabel={t('admin.users.deactivate')}
          pending={update.isPending}
          error={update.error}
          onClose={close}
          onConfirm={() => update.mutate({ id: open.user.id, body: { active: false } }, { onSuccess: close })}
        />
      )}
      {open?.kind === 'secret' && (
        <SecretDialog
          title={t('admin.users.tempPasswordTitle', { name: open.name })}
          hint={t('admin.users.tempPasswordHint')}
          secret={open.password}
          onClose={close}
          testId="temp-password"
        />
      )}
    </section>
  );
}

function Pager({ page, pages, onPage }: { page: number; pages: number; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <div className="admin-pager">
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('admin.common.previous')}
      </button>
      <span>
        {t('admin.common.page', { page })} / {pages}
      </span>
      <button type="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('admin.common.next')}
      </button>
    </div>
  );
}

/** The list's columns, shared by the table and its export. */
function useUserColumns(): AdminColumn<AdminUserView>[] {
  const { t } = useTranslation();
  const names = useNames();
  const streets = useStreets().data;
  const departments = useDepartments().data;
  const grids = useGrids().data;
  return useMemo(() => {
    const gridName = new Map(
      (grids?.features ?? []).map((g) => [g.properties.id, g.properties.name || g.properties.code]),
    );
    const scopeOf = (u: AdminUserView): string => {
      if (u.streetId) return names.name(streets?.find((s) => s.id === u.streetId));
      if (u.departmentId) return names.name(departments?.find((d) => d.id === u.departmentId));
      if (u.gridIds.length) return u.gridIds.map((id) => gridName.get(id) ?? '—').join('、');
      return t('admin.users.districtWide');
    };
    const statusOf = (u: AdminUserView) =>
      [
        u.active ? t('admin.users.active') : t('admin.users.inactive'),
        u.mustChangePassword ? t('admin.users.mustChange') : '',
      ]
        .filter(Boolean)
        .join(' · ');
    return [
      { key: 'username', header: t('admin.users.username'), value: (u) => u.username, className: 'mono' },
      { key: 'displayName', header: t('admin.users.displayName'), value: (u) => u.displayName },
      { key: 'role', header: t('admin.users.role'), value: (u) => t(`role.${u.role}`) },
      { key: 'scope', header: t('admin.users.scope'), value: scopeOf, className: 'admin-table__wrap' },
      {
        key: 'status',
        header: t('admin.users.status'),
        value: statusOf,
        render: (u) => (
          <>
            <span className={u.active ? 'badge badge--green' : 'badge badge--grey'}>
              {u.active ? t('admin.users.active') : t('admin.users.inactive')}
            </span>
            {u.mustChangePassword && (
              <span className="badge badge--amber">{t('admin.users.mustChange')}</span>
            )}
          </>
        ),
      },
      {
        key: 'createdAt',
        header: t('admin.users.createdAt'),
        value: (u) => chinaDateTime(u.createdAt),
        className: 'nowrap',
      },
    ];
  }, [t, names, streets, departments, grids]);
}
