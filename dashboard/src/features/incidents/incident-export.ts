import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentView } from '@whistle/shared';
import { useNames } from '../../i18n/names';
import { chinaDateTime } from '../../lib/china-time';
import type { ExportColumn } from '../../lib/export/columns';

/**
 * The columns an incident list exports: what the list shows, in the UI language. `streetName`
 * adds the street (the district desk lists every street's).
 */
export function useIncidentExportColumns(streetName?: (id: string) => string): ExportColumn<IncidentView>[] {
  const { t } = useTranslation();
  const names = useNames();
  return useMemo(
    () => [
      { header: t('ops.export.column.title'), value: (i) => i.title, width: 30 },
      ...(streetName
        ? [{ header: t('ops.export.column.street'), value: (i: IncidentView) => streetName(i.streetId) }]
        : []),
      { header: t('ops.export.column.source'), value: (i) => t(`desk.source.${i.source}`) },
      { header: t('ops.export.column.category'), value: (i) => names.category(i.category) },
      { header: t('ops.export.column.priority'), value: (i) => t(`priority.${i.priority}`) },
      { header: t('ops.export.column.status'), value: (i) => t(`incidentStatus.${i.status}`) },
      {
        header: t('ops.export.column.overdue'),
        value: (i) => (i.overdue ? t('ops.export.column.yes') : t('ops.export.column.no')),
      },
      { header: t('ops.export.column.reportedAt'), value: (i) => chinaDateTime(i.createdAt) },
    ],
    [t, names, streetName],
  );
}
