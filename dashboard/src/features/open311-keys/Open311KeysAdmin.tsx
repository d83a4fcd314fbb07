import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Open311ApiKeyView } from '@whistle/shared';
import { chinaDateTime } from '../../lib/china-time';
import { ExportButtons } from '../../lib/export/ExportButtons';
import { QueryState } from '../../lib/ui/QueryState';
import { AdminTable, type AdminColumn } from '../admin-table/AdminTable';
import { ConfirmDialog } from '../admin-table/ConfirmDialog';
import { SecretDialog } from '../admin-table/SecretDialog';
import { SectionHeader } from '../admin-table/SectionHeader';
import { IssueKeyDialog } from './IssueKeyDialog';
import { useOpen311Keys, useRevokeKey } from './open311-key-api';

type Open =
  | { kind: 'issue' }
  | { kind: 'secret'; name: string; key: string }
  | { kind: 'revoke'; key: Open311ApiKeyView }
  | null;

/** 系统管理 · Open311 密钥: the keys issued to outside clients; issue one (shown once), revoke. */
export function Open311KeysAdmin() {
  const { t } = useTranslation();
  const keys = useOpen311Keys();
  const revoke = useRevokeKey();
  const [open, setOpen] = useState<Open>(null);
  const rows = keys.data ?? [];
  const close = () => {
    revoke.reset();
    setOpen(null);
  };
  const columns = useMemo<AdminColumn<Open311ApiKeyView>[]>(
    () => [
      { key: 'name', header: t('admin.keys.name'), value: (k) => k.name },
      { key: 'prefix', header: t('admin.keys.prefix'), value: (k) => `${k.prefix}…`, className: 'mono' },
      {
        key: 'rate',
        header: t('admin.keys.rateLimit'),
        value: (k) => k.rateLimitPerMinute ?? t('admin.keys.defaultRate'),
        className: 'num',
      },
      {
        key: 'createdAt',
        header: t('admin.keys.createdAt'),
        value: (k) => chinaDateTime(k.createdAt),
        className: 'nowrap',
      },
      {
        key: 'status',
        header: t('admin.keys.status'),
        value: (k) =>
          k.revokedAt ? t('admin.keys.revoked', { at: chinaDateTime(k.revokedAt) }) : t('admin.keys.live'),
        render: (k) =>
          k.revokedAt ? (
            <span className="badge badge--grey">
              {t('admin.keys.revoked', { at: chinaDateTime(k.revokedAt) })}
            </span>
          ) : (
            <span className="badge badge--green">{t('admin.keys.live')}</span>
          ),
      },
    ],
    [t],
  );

  return (
    <section className="admin-panel">
      <SectionHeader title={t('admin.keys.heading')} intro={t('admin.keys.intro')}>
        <ExportButtons
          rows={rows}
          columns={columns}
          fileName={t('admin.keys.heading')}
          testId="keys-export"
        />
        <button
          type="button"
          className="primary"
          onClick={() => setOpen({ kind: 'issue' })}
          data-testid="key-issue"
        >
          {t('admin.keys.issue')}
        </button>
      </SectionHeader>
      <QueryState loading={keys.isLoading} error={keys.isError} empty={rows.length === 0}>
        <AdminTable
          rows={rows}
          columns={columns}
          rowKey={(k) => k.id}
          rowClassName={(k) => (k.revokedAt ? 'admin-row--inactive' : undefined)}
          actionsLabel={t('admin.common.actions')}
          testId="keys-table"
          actions={(k) =>
            k.revokedAt ? null : (
              <button type="button" className="danger" onClick={() => setOpen({ kind: 'revoke', key: k })}>
                {t('admin.keys.revoke')}
              </button>
            )
          }
        />
      </QueryState>
      {open?.kind === 'issue' && (
        <IssueKeyDialog
          onClose={close}
          onIssued={(k) => setOpen({ kind: 'secret', name: k.name, key: k.key })}
        />
      )}
      {open?.kind === 'secret' && (
        <SecretDialog
          title={t('admin.keys.secretTitle', { name: open.name })}
          secret={open.key}
          onClose={close}
          testId="key-secret"
        />
      )}
      {open?.kind === 'revoke' && (
        <ConfirmDialog
          title={t('admin.keys.revoke')}
          message={t('admin.keys.revokeConfirm', { name: open.key.name, prefix: open.key.prefix })}
          confirmLabel={t('admin.keys.revoke')}
          pending={revoke.isPending}
          error={revoke.error}
          onClose={close}
          onConfirm={() => revoke.mutate(open.key.id, { onSuccess: close })}
        />
      )}
    </section>
  );
}
