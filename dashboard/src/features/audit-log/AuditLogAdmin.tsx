import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, type AuditAction, type AuditEntryView } from '@whistle/shared';
import { chinaDateTime } from '../../lib/china-time';
import { ExportButtons } from '../../lib/export/ExportButtons';
import { QueryState } from '../../lib/ui/QueryState';
import { AdminTable, type AdminColumn } from '../admin-table/AdminTable';
import { SectionHeader } from '../admin-table/SectionHeader';
import { useActorChoices, useAuditPage, type AuditFilters } from './audit-api';

/** 系统管理 · 审计日志: who did what and when, newest first, filtered by actor, action and dates. */
export function AuditLogAdmin() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilters>({
    actorId: '',
    action: '',
    from: '',
    to: '',
    before: '',
  });
  /** The cursors of the pages before this one, so "newer" can go back. */
  const [newer, setNewer] = useState<string[]>([]);
  const page = useAuditPage(filters);
  const actors = useActorChoices().data?.items ?? [];
  const rows = page.data?.items ?? [];
  const filter = (patch: Partial<AuditFilters>) => {
    setNewer([]);
    setFilters((f) => ({ ...f, ...patch, before: '' }));
  };
  const columns = useMemo<AdminColumn<AuditEntryView>[]>(
    () => [
      {
        key: 'time',
        header: t('admin.audit.time'),
        value: (e) => chinaDateTime(e.occurredAt),
        className: 'nowrap',
      },
      {
        key: 'action',
        header: t('admin.audit.action'),
        value: (e) => t(`admin.audit.actions.${e.action}`, { defaultValue: e.action }),
        className: 'nowrap',
      },
      {
        key: 'actor',
        header: t('admin.audit.actor'),
        value: (e) => e.actor.username ?? (e.actor.id ? e.actor.id : t('admin.audit.system')),
      },
      {
        key: 'target',
        header: t('admin.audit.target'),
        value: (e) => (e.target.type ? `${e.target.type} ${e.target.id ?? ''}`.trim() : ''),
        render: (e) =>
          e.target.type ? (
            <span title={e.target.id ?? undefined}>
              {e.target.type} <span className="mono muted">{e.target.id?.slice(0, 8)}</span>
            </span>
          ) : null,
      },
      { key: 'ip', header: t('admin.audit.ip'), value: (e) => e.ip ?? '', className: 'mono' },
      {
        key: 'details',
        header: t('admin.audit.details'),
        value: (e) => (Object.keys(e.details).length ? JSON.stringify(e.details) : ''),
        render: (e) => <DetailsCell details={e.details} />,
        className: 'admin-table__details',
      },
    ],
    [t],
  );

  return (
    <section className="admin-panel">
      <SectionHeader title={t('admin.audit.heading')} />
      <div className="admin-toolbar">
        <select
          value={filters.actorId}
          aria-label={t('admin.audit.actor')}
          onChange={(e) => filter({ actorId: e.target.value })}
          data-testid="audit-actor"
        >
          <option value="">
            {t('admin.audit.actor')}: {t('admin.common.all')}
          </option>
          {actors.map((u) => (
            <option key={u.id} value={u.id}>
              {u.username} · {u.displayName}
            </option>
          ))}
        </select>
        <select
          value={filters.action}
          aria-label={t('admin.audit.action')}
          onChange={(e) => filter({ action: e.target.value as AuditAction | '' })}
          data-testid="audit-action"
        >
          <option value="">
            {t('admin.audit.action')}: {t('admin.common.all')}
          </option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(`admin.audit.actions.${a}`)}
            </option>
          ))}
        </select>
        <label className="admin-toolbar__date">
          {t('admin.audit.from')}
          <input
            type="date"
            value={filters.from}
            onChange={(e) => filter({ from: e.target.value })}
            data-testid="audit-from"
          />
        </label>
        <label className="admin-toolbar__date">
          {t('admin.audit.to')}
          <input
            type="date"
            value={filters.to}
            onChange={(e) => filter({ to: e.target.value })}
            data-testid="audit-to"
          />
        </label>
        <span className="admin-toolbar__spacer" />
        <ExportButtons
          rows={rows}
          columns={columns}
          fileName={t('admin.audit.heading')}
          testId="audit-export"
        />
      </div>
      <QueryState loading={page.isLoading} error={page.isError} empty={rows.length === 0}>
        <AdminTable rows={rows} columns={columns} rowKey={(e) => e.id} testId="audit-table" />
      </QueryState>
      <div className="admin-pager">
        <button
          type="button"
          disabled={newer.length === 0}
          onClick={() => {
            setFilters((f) => ({ ...f, before: newer[newer.length - 1] ?? '' }));
            setNewer((n) => n.slice(0, -1));
          }}
        >
          {t('admin.audit.newer')}
        </button>
        <button
          type="button"
          disabled={!page.data?.nextCursor}
          onClick={() => {
            const cursor = page.data?.nextCursor;
            if (!cursor) return;
            setNewer((n) => [...n, filters.before]);
            setFilters((f) => ({ ...f, before: cursor }));
          }}
          data-testid="audit-older"
        >
          {t('admin.audit.older')}
        </button>
      </div>
    </section>
  );
}

/** What changed, as short "field: value" lines; the whole JSON on hover. */
function DetailsCell({ details }: { details: Record<string, unknown> }) {
  const entries = Object.entries(details);
  if (entries.length === 0) return null;
  const short = (value: unknown) => {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 79)}…` : text;
  };
  return (
    <span className="admin-details" title={JSON.stringify(details, null, 2)}>
      {entries.map(([key, value]) => (
        <span key={key}>
          <span className="muted">{key}:</span> {short(value)}
        </span>
      ))}
    </span>
  );
}
