import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { runningStage, type DispatchView } from '@whistle/shared';
import { deadlineOf } from './inbox';
import { useNames } from '../../i18n/names';
import { chinaDateTime } from '../../lib/china-time';
import type { ExportColumn } from '../../lib/export/columns';

/** When the running stage is due (China time), or '' once no stage runs. */
function dueOf(d: DispatchView): string {
  const stage = runningStage(d.status);
  if (!stage) return '';
  return chinaDateTime(deadlineOf(d, stage));
}

/**
 * The columns a dispatch list exports, in the UI language: what the inbox shows, with the due
 * time written out (the screen's "12 min left" means nothing in a file read tomorrow).
 * `party` names the other side: the street for a department's inbox, the department for tasks.
 */
export function useDispatchExportColumns(party: {
  header: 'street' | 'department';
  name: (d: DispatchView) => string;
}): ExportColumn<DispatchView>[] {
  const { t } = useTranslation();
  const names = useNames();
  return useMemo(
    () => [
      { header: t('ops.export.column.title'), value: (d) => d.incident.title, width: 30 },
      { header: t(`ops.export.column.${party.header}`), value: party.name },
      { header: t('ops.export.column.whistleType'), value: (d) => names.whistleType(d.whistleType) },
      { header: t('ops.export.column.category'), value: (d) => names.category(d.incident.category) },
      { header: t('ops.export.column.priority'), value: (d) => t(`priority.${d.incident.priority}`) },
      { header: t('ops.export.column.status'), value: (d) => t(`dispatchStatus.${d.status}`) },
      {
        header: t('ops.export.column.stage'),
        value: (d) => {
          const stage = runningStage(d.status);
          return stage ? t(`stage.${stage}`) : '';
        },
      },
      { header: t('ops.export.column.due'), value: dueOf },
      {
        header: t('ops.export.column.overdue'),
        value: (d) => (d.overdueStages.length > 0 ? t('ops.export.column.yes') : t('ops.export.column.no')),
      },
      { header: t('ops.export.column.createdAt'), value: (d) => chinaDateTime(d.createdAt) },
    ],
    [t, names, party],
  );
}
