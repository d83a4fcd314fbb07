import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type AdminUserView, type Role, type TemporaryPasswordResponse } from '@whistle/shared';
import { useNames } from '../../i18n/names';
import { useSubmissionKeys } from '../../lib/api/idempotency-key';
import { FormDialog } from '../../lib/ui/FormDialog';
import { FormField, fieldErrorsOf } from '../../lib/ui/FormField';
import { FieldGroup } from '../admin-table/FieldGroup';
import { useDepartments, useGrids, useStreets } from '../reference/reference-queries';
import { useCreateUser, useUpdateUser } from './user-api';
import { scopeBody, scopeFieldOf } from './user-scope';

interface UserFormDialogProps {
  /** Absent: a new account. */
  user?: AdminUserView;
  onClose: () => void;
  /** A new account's temporary password, to be shown once. */
  onCreated: (answer: TemporaryPasswordResponse) => void;
}

/**
 * Create or edit an account: the role decides which one scope field shows (street, department or
 * grids; none for district-wide roles). The server's field messages show beside their fields.
 */
export function UserFormDialog({ user, onClose, onCreated }: UserFormDialogProps) {
  const { t } = useTranslation();
  const names = useNames();
  const keys = useSubmissionKeys();
  const create = useCreateUser();
  const update = useUpdateUser();
  const streets = useStreets().data ?? [];
  const departments = useDepartments().data ?? [];
  const grids = useGrids().data?.features ?? [];
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [role, setRole] = useState<Role>(user?.role ?? 'street_operator');
  const [streetId, setStreetId] = useState(user?.streetId ?? '');
  const [departmentId, setDepartmentId] = useState(user?.departmentId ?? '');
  const [gridIds, setGridIds] = useState<string[]>(user?.gridIds ?? []);
  const mutation = user ? update : create;
  const errors = fieldErrorsOf(mutation.error);
  const scopeField = scopeFieldOf(role);

  const submit = () => {
    const scope = scopeBody(role, { streetId, departmentId, gridIds });
    if (user) {
      update.mutate({ id: user.id, body: { displayName, role, ...scope } }, { onSuccess: onClose });
      return;
    }
    const body = { username: username.trim(), displayName, role, ...scope };
    create.mutate({ body, idempotencyKey: keys.keyFor(body) }, { onSuccess: onCreated });
  };

  const toggleGrid = (id: string) =>
    setGridIds((ids) => (ids.includes(id) ? ids.filter((g) => g !== id) : [...ids, id]));

  const choose = <option value="">{t('admin.users.choose')}</option>;
  return (
    <FormDialog
      title={user ? t('admin.users.editTitle', { name: user.displayName }) : t('admin.users.createTitle')}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('admin.common.save')}
      submitting={mutation.isPending}
      submitTestId="user-submit"
      wide
      error={mutation.error}
      fieldErrors={errors}
    >
      <div className="admin-form-grid">
        {user ? (
          <FormField label={t('admin.users.username')}>
            <input value={user.username} disabled />
          </FormField>
        ) : (
          <FormField
            label={t('admin.users.username')}
            hint={t('admin.users.usernameHint')}
            errors={errors.username}
          >
            <input
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              autoComplete="off"
              data-testid="user-username"
            />
          </FormField>
        )}
        <FormField label={t('admin.users.displayName')} errors={errors.displayName}>
          <input
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
            data-testid="user-display-name"
          />
        </FormField>
        <FormField label={t('admin.users.role')} errors={errors.role}>
          <select value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="user-role">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </FormField>
        {scopeField === null && (
          <FormField label={t('admin.users.scope')}>
            <input value={t('admin.users.districtWide')} disabled />
          </FormField>
        )}
        {scopeField === 'streetId' && (
          <FormField label={t('admin.users.street')} errors={errors.streetId}>
            <select value={streetId} onChange={(e) => setStreetId(e.target.value)} data-testid="user-street">
              {choose}
              {streets.map((s) => (
                <option key={s.id} value={s.id}>
                  {names.name(s)}
                </option>
              ))}
            </select>
          </FormField>
        )}
        {scopeField === 'departmentId' && (
          <FormField label={t('admin.users.department')} errors={errors.departmentId}>
            <select
              value={departmentId}
              onChange={(e) => setDepartmentId(e.target.value)}
              data-testid="user-department"
            >
              {choose}
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {names.name(d)}
                </option>
              ))}
            </select>
          </FormField>
        )}
      </div>
      {scopeField === 'gridIds' && (
        <FieldGroup
          label={t('admin.users.grids')}
          hint={t('admin.users.gridsChosen', { count: gridIds.length })}
          errors={errors.gridIds}
          testId="user-grids"
        >
          <div className="admin-checks admin-checks--scroll">
            {streets.map((s) => {
              const ofStreet = grids.filter((g) => g.properties.streetId === s.id);
              if (ofStreet.length === 0) return null;
              return (
                <fieldset key={s.id} className="admin-checks__group">
                  <legend>{names.name(s)}</legend>
                  {ofStreet.map(({ properties: g }) => (
                    <label key={g.id} className="admin-check">
                      <input
                        type="checkbox"
                        checked={gridIds.includes(g.id)}
                        onChange={() => toggleGrid(g.id)}
                        data-testid={`user-grid-${g.code}`}
                      />
                      {g.name || g.code}
                    </label>
                  ))}
                </fieldset>
              );
            })}
          </div>
        </FieldGroup>
      )}
      {user && <p className="muted small">{t('admin.users.scopeEditNote')}</p>}
    </FormDialog>
  );
}
