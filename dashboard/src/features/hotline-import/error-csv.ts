import type { TFunction } from 'i18next';
import type { HotlineRowError } from '@whistle/shared';
import type { ExportColumn } from '../../lib/export/columns';
import { codedMessageText } from '../../lib/ui/coded-message';
import { toCsv } from '../../lib/export/csv';

/** The field at fault in the UI language; an unknown one as the server named it. */
export function fieldLabel(t: TFunction, field: HotlineRowError['field']): string {
  return t(`adminImports.hotline.fields.${field}` as never, { defaultValue: field });
}

/** A row error in the UI language; one whose code the UI does not know, as the server wrote it. */
export function rowErrorText(t: TFunction, error: HotlineRowError): string {
  return codedMessageText(t, 'adminImports.hotline.messages', error);
}

/** The columns of the row-error list, shared by the table on screen and its CSV. */
export function rowErrorColumns(t: TFunction): ExportColumn<HotlineRowError>[] {
  return [
    { header: t('adminImports.hotline.columns.row'), value: (e) => e.row },
    { header: t('adminImports.hotline.columns.orderNo'), value: (e) => e.orderNo ?? '' },
    { header: t('adminImports.hotline.columns.field'), value: (e) => fieldLabel(t, e.field) },
    { header: t('adminImports.hotline.columns.message'), value: (e) => rowErrorText(t, e) },
  ];
}

/** The row errors as a CSV Excel opens with its Chinese intact (UTF-8 with a byte-order mark). */
export function rowErrorsCsv(t: TFunction, errors: readonly HotlineRowError[]): string {
  return toCsv(rowErrorColumns(t), errors);
}
