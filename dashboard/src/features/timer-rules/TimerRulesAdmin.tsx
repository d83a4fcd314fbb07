import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StageLimits } from '@whistle/shared';
import { useNames } from '../../i18n/names';
import { formatDuration } from '../../lib/duration';
import { ExportButtons } from '../../lib/export/ExportButtons';
import { QueryState } from '../../lib/ui/QueryState';
import { AdminTable, type AdminColumn } from '../admin-table/AdminTable';
import { SectionHeader } from '../admin-table/SectionHeader';
import { ruleRows, type RuleRow } from './rule-rows';
import { TimerRuleDialog } from './TimerRuleDialog';
import { useTimerRules } from './timer-rule-api';

/** 系统管理 · 时限规则: every whistle type and priority with the limits a whistle would get now. */
export function TimerRulesAdmin() {
  const { t } = useTranslation();
  const names = useNames();
  const rules = useTimerRules();
  const [editing, setEditing] = useState<RuleRow | null>(null);
  const rows = useMemo(() => ruleRows(rules.data ?? []), [rules.data]);
  const columns = useMemo<AdminColumn<RuleRow>[]>(() => {
    const limit = (stage: keyof StageLimits) => (r: RuleRow) => formatDuration(t, r.limits[stage] * 60_000);
    const sourceLabel = {
      rule: t('admin.timerRules.fromRule'),
      any: t('admin.timerRules.fromAny'),
      default: t('admin.timerRules.fromDefault'),
    };
    return [
      {
        key: 'type',
        header: t('admin.timerRules.whistleType'),
        value: (r) => names.whistleType(r.whistleType),
      },
      {
        key: 'priority',
        header: t('admin.timerRules.priority'),
        value: (r) =>
          r.priority === 'any' ? t('admin.timerRules.anyPriority') : t(`priority.${r.priority}`),
      },
      { key: 'accept', header: t('admin.timerRules.accept'), value: limit('accept'), className: 'num' },
      { key: 'arrive', header: t('admin.timerRules.arrive'), value: limit('arrive'), className: 'num' },
      { key: 'resolve', header: t('admin.timerRules.resolve'), value: limit('resolve'), className: 'num' },
      {
        key: 'source',
        header: t('admin.timerRules.source'),
        value: (r) => sourceLabel[r.source],
        render: (r) => (
          <span className={r.source === 'rule' ? 'badge badge--blue' : 'badge badge--grey'}>
            {sourceLabel[r.source]}
          </span>
        ),
      },
    ];
  }, [t, names]);

  return (
    <section className="admin-panel">
      <SectionHeader title={t('admin.timerRules.heading')} intro={t('admin.timerRules.intro')}>
        <ExportButtons
          rows={rows}
          columns={columns}
          fileName={t('admin.timerRules.heading')}
          testId="timer-rules-export"
        />
      </SectionHeader>
      <QueryState loading={rules.isLoading} error={rules.isError} empty={false}>
        <AdminTable
          rows={rows}
          columns={columns}
          rowKey={(r) => `${r.whistleType}-${r.priority}`}
          rowClassName={(r) => (r.priority === 'any' ? 'admin-row--group' : undefined)}
          actionsLabel={t('admin.common.actions')}
          testId="timer-rules-table"
          actions={(r) => (
            <button
              type="button"
              onClick={() => setEditing(r)}
              data-testid={`timer-edit-${r.whistleType}-${r.priority}`}
            >
              {t('admin.common.edit')}
            </button>
          )}
        />
      </QueryState>
      {editing && <TimerRuleDialog row={editing} onClose={() => setEditing(null)} />}
    </section>
  );
}
