import { BadRequestException } from '@nestjs/common';
import type {
  HotlineRowError,
  HotlineRowErrorCode,
  HotlineRowErrorMessage,
  HotlineRowErrorParams,
} from '@whistle/shared';

type Templates = { [C in HotlineRowErrorCode]: (p: HotlineRowErrorParams[C]) => string };

/**
 * The English `message` of each row error, for API clients and the webhook's 400 field messages;
 * the dashboard says them from the code.
 */
const ENGLISH: Templates = {
  required: () => 'is required',
  too_long: (p) => `must be at most ${p.max} characters`,
  order_no_format: () => 'must be 1–64 letters, digits, "-", "_" or ".", starting with a letter or digit',
  received_at_format: () => 'must be an ISO-8601 time with a zone, or "YYYY-MM-DD HH:mm[:ss]" (UTC+8)',
  received_at_future: () => 'is in the future',
  category_unknown: (p) => `"${p.value}" is not a known category`,
  title_length: (p) => `must be ${p.min}–${p.max} characters`,
  priority_unknown: () => 'must be low, normal, high or urgent (低, 一般, 高, 紧急)',
  satisfaction_unknown: () => 'must be 满意, 基本满意 or 不满意',
  phone_invalid: () => 'is not a phone number',
  longitude_invalid: () => 'must be a longitude in degrees (-180..180)',
  latitude_invalid: () => 'must be a latitude in degrees (-90..90)',
  point_outside_district: (p) => `(${p.lng}, ${p.lat}) is outside every grid of the district`,
  location_missing: () => 'give lng and lat, or an address',
  address_unplaced: () => 'names no street or community of the district',
  not_an_object: () => 'an order must be an object',
  order_repeated: (p) => `repeats the order of row ${p.firstRow}`,
  csv_unreadable: (p) => `is not valid CSV after row ${p.afterRow}: ${p.detail}`,
  json_unreadable: (p) => `is not a JSON array of orders (after row ${p.afterRow}): ${p.detail}`,
  xlsx_unreadable: (p) => `is not a readable Excel workbook (.xlsx) after row ${p.afterRow}: ${p.detail}`,
  header_without_order_no: () => 'has no order number column (orderNo / 工单编号) in its header',
  file_missing: () => 'is required: a CSV, Excel (.xlsx) or JSON file under the form field "file"',
  file_type: () => 'must be a CSV (.csv), Excel (.xlsx) or JSON (.json) file',
  xls_format: () => 'is an old Excel workbook (.xls): save it as .xlsx and send that',
  xlsx_invalid: () => 'is not an Excel workbook (.xlsx)',
  xlsx_incomplete: () => 'is not a complete Excel workbook (.xlsx)',
};

/** A 400 refusing the whole file: its English under `fields.file`, its code and params beside. */
export function fileRefused(coded: HotlineRowErrorMessage): BadRequestException {
  const message = englishOf(coded);
  return new BadRequestException({
    message: `Invalid request: file ${message}`,
    fields: { file: [message] },
    ...coded,
  });
}

export function englishOf(coded: HotlineRowErrorMessage): string {
  return (ENGLISH[coded.code] as (p: HotlineRowErrorMessage['params']) => string)(coded.params);
}

/** One field's error: its code and params, and its English message. */
export type FieldError = HotlineRowErrorMessage & Pick<HotlineRowError, 'field' | 'message'>;

export function fieldError(field: HotlineRowError['field'], coded: HotlineRowErrorMessage): FieldError {
  return { field, ...coded, message: englishOf(coded) };
}
