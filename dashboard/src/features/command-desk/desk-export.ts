import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DispatchView, StandingEntryView } from '@whistle/shared';
import { useNames } from '../../i18n/names';
import { chinaDateTime } from '../../lib/china-time';
import type { ExportColumn } from '../../lib/export/columns';
import { useDispatchExportColumns } from '../dispatches/dispatch-export';
import { useStreetName } from '../reference/useStreetName';
import { useAssigneeName } from './useAssigneeName';

/**
 * The desk's dispatch list as a file: the inbox's columns, with both sides named — the street the
 * incident is in and who owes the work (a department, a leader or a street).
 */
export function useDeskExportColumns(): ExportColumn<DispatchView>[] {
  const { t } = useTranslation();
  const streetName = useStreetName();
  const assignee = useAssigneeName();
  const base = useDispatchExportColumns({ header: 'department', name: assignee });
  const [title, , ...rest] = base;
  return [
    ...(title ? [title] : []),
    { header: t('ops.export.column.street'), value: (d) => streetName(d.streetId) },
    { header: t('command.column.assignee'), value: assignee },
    ...rest,
  ];
}

/** 挂账台账 as a file: what the register shows, the review date as written (YYYY-MM-DD). */
export function useStandingExportColumns(): ExportColumn<StandingEntryView>[] {
  const { t } = useTranslation();
  const names = useNames();
  const streetName = useStreetName();
  return useMemo(
    () => [
      { header: t('ops.export.column.title'), value: (e) => e.incident.title, width: 30 },
      { header: t('ops.export.column.street'), value: (e) => streetName(e.incident.streetId) },
      { header: t('ops.export.column.category'), value: (e) => names.category(e.incident.category) },
      { header: t('ops.export.column.status'), value: (e) => t(`incidentStatus.${e.incident.status}`) },
      { header: t('command.standing.reason'), value: (e) => e.incident.standing?.reason, width: 30 },
      { header: t('command.standing.since'), value: (e) => chinaDateTime(e.incident.standing?.since) },
      { header: t('command.standing.reviewOn'), value: (e) => e.incident.standing?.reviewOn },
      {
        header: t('command.standing.due'),
        value: (e) => (e.reviewDue ? t('ops.export.column.yes') : t('ops.export.column.no')),
      },
    ],
    [t, names, streetName],
  );
}
