import type { TFunction } from 'i18next';
import type { HotlineRowError } from '@whistle/shared';
import type { ExportColumn } from '../../lib/export/columns';
import { toCsv } from '../../lib/export/csv';

/** The field at fault in the UI language; an unknown one as the server named it. */
export function fieldLabel(t: TFunction, field: HotlineRowError['field']): string {
  return t(`adminImports.hotline.fields.${field}` as never, { defaultValue: field });
}

/** The columns of the row-error list, shared by the table on screen and its CSV. */
export function rowErrorColumns(t: TFunction): ExportColumn<HotlineRowError>[] {
  return [
    { header: t('adminImports.hotline.columns.row'), value: (e) => e.row },
    { header: t('adminImports.hotline.columns.orderNo'), value: (e) => e.orderNo ?? '' },
    { header: t('adminImports.hotline.columns.field'), value: (e) => fieldLabel(t, e.field) },
    { header: t('adminImports.hotline.columns.message'), value: (e) => e.message },
  ];
}

/** The row errors as a CSV Excel opens with its Chinese intact (UTF-8 with a byte-order mark). */
export function rowErrorsCsv(t: TFunction, errors: readonly HotlineRowError[]): string {
  return toCsv(rowErrorColumns(t), errors);
}
