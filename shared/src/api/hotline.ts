import type { SatisfactionResult } from '../domain/vocabulary';
import type { CodedMessage } from './coded-message';

/**
 * 12345 hotline work orders. A batch file (CSV, Excel .xlsx or JSON) and the single-order webhook carry the
 * same fields; each field also accepts the hotline's Chinese column name (HOTLINE_FIELD_ALIASES).
 */
export const HOTLINE_FIELDS = [
  'orderNo',
  'receivedAt',
  'category',
  'title',
  'description',
  'lng',
  'lat',
  'address',
  'citizenPhone',
  'priority',
  'satisfaction',
] as const;
export type HotlineField = (typeof HOTLINE_FIELDS)[number];

/** Column names a hotline export uses for each field, besides the field's own name. */
export const HOTLINE_FIELD_ALIASES: Record<HotlineField, readonly string[]> = {
  orderNo: ['工单编号', '工单号', 'order_no'],
  receivedAt: ['受理时间', '来电时间', 'received_at'],
  category: ['问题类型', '问题分类', '诉求类型'],
  title: ['标题', '工单标题'],
  description: ['诉求内容', '问题描述', '内容'],
  lng: ['经度', 'longitude', 'lon'],
  lat: ['纬度', 'latitude'],
  address: ['地址', '事发地址', '事发地点'],
  citizenPhone: ['来电号码', '联系电话', 'citizen_phone', 'phone'],
  priority: ['紧急程度', '优先级'],
  satisfaction: ['满意度', '回访结果'],
};

/** The hotline's satisfaction answers (回访满意度) and what they record on the incident. */
export const HOTLINE_SATISFACTION: Record<string, SatisfactionResult> = {
  满意: 'satisfied',
  基本满意: 'basically_satisfied',
  不满意: 'dissatisfied',
};

/** One order as the webhook receives it (JSON; keys may also be the Chinese aliases). */
export interface HotlineOrderRequest {
  orderNo: string;
  /** ISO-8601, or `YYYY-MM-DD HH:mm[:ss]` in China time (UTC+8). */
  receivedAt: string;
  /** A Whistle category code, its Chinese name, or a common hotline category name. */
  category: string;
  title?: string;
  description: string;
  lng?: number | string;
  lat?: number | string;
  /** Used when lng/lat are absent: resolved to a community (or street) of the district. */
  address?: string;
  citizenPhone?: string;
  priority?: string;
  /** 满意 / 基本满意 / 不满意, or the SatisfactionResult codes. */
  satisfaction?: string;
}

/** `created`: a new incident; `duplicate`: the order was already in; `updated`: already in, satisfaction recorded. */
export type HotlineOrderOutcome = 'created' | 'duplicate' | 'updated';

export interface HotlineOrderResult {
  orderNo: string;
  incidentId: string;
  outcome: HotlineOrderOutcome;
}

/**
 * Every row error of an import, by code, with its params. The row's `field` says which field the
 * generic ones (`required`, `too_long`) are about. A file refused whole (400) carries one of them
 * too, beside its `fields.file` message.
 */
export interface HotlineRowErrorParams {
  required: Record<string, never>;
  too_long: { max: number };
  order_no_format: Record<string, never>;
  received_at_format: Record<string, never>;
  received_at_future: Record<string, never>;
  category_unknown: { value: string };
  title_length: { min: number; max: number };
  priority_unknown: Record<string, never>;
  satisfaction_unknown: Record<string, never>;
  phone_invalid: Record<string, never>;
  longitude_invalid: Record<string, never>;
  latitude_invalid: Record<string, never>;
  point_outside_district: { lng: number; lat: number };
  location_missing: Record<string, never>;
  address_unplaced: Record<string, never>;
  /** A JSON array element that is not an object. */
  not_an_object: Record<string, never>;
  /** The order number came already in row `firstRow` of the same file. */
  order_repeated: { firstRow: number };
  /** The file could not be read on after data row `afterRow`; `detail` is the parser's English. */
  csv_unreadable: { afterRow: number; detail: string };
  json_unreadable: { afterRow: number; detail: string };
  xlsx_unreadable: { afterRow: number; detail: string };
  header_without_order_no: Record<string, never>;
  // Refusals of the whole file (a 400 whose body carries the code and params):
  file_missing: Record<string, never>;
  file_type: Record<string, never>;
  /** The Excel 97–2003 format, which is not read: save as .xlsx. */
  xls_format: Record<string, never>;
  xlsx_invalid: Record<string, never>;
  /** Cut off in transfer: the zip has no central directory. */
  xlsx_incomplete: Record<string, never>;
}

export type HotlineRowErrorCode = keyof HotlineRowErrorParams;

/** Every code, for checks that each has its translations. */
export const HOTLINE_ROW_ERROR_CODES: readonly HotlineRowErrorCode[] = Object.keys({
  required: 1,
  too_long: 1,
  order_no_format: 1,
  received_at_format: 1,
  received_at_future: 1,
  category_unknown: 1,
  title_length: 1,
  priority_unknown: 1,
  satisfaction_unknown: 1,
  phone_invalid: 1,
  longitude_invalid: 1,
  latitude_invalid: 1,
  point_outside_district: 1,
  location_missing: 1,
  address_unplaced: 1,
  not_an_object: 1,
  order_repeated: 1,
  csv_unreadable: 1,
  json_unreadable: 1,
  xlsx_unreadable: 1,
  header_without_order_no: 1,
  file_missing: 1,
  file_type: 1,
  xls_format: 1,
  xlsx_invalid: 1,
  xlsx_incomplete: 1,
} satisfies Record<HotlineRowErrorCode, 1>) as HotlineRowErrorCode[];

/** A row error code with its params. */
export type HotlineRowErrorMessage = CodedMessage<HotlineRowErrorParams>;

/** One thing wrong with one row: `code` and `params` for any language, `message` in English. */
export type HotlineRowError = HotlineRowErrorMessage & {
  /** 1-based data row (the first order after a CSV or Excel header, or the first element of a JSON array is row 1). */
  row: number;
  orderNo: string | null;
  /** The field at fault; `location` when the point or address places the order outside the district. */
  field: HotlineField | 'location' | 'file';
  message: string;
};

export interface HotlineImportReport {
  /** Data rows read. */
  total: number;
  created: number;
  /** Orders already imported before (nothing changed). */
  duplicates: number;
  /** Orders already imported before whose satisfaction result was recorded now. */
  updated: number;
  /** Rows refused; each has at least one entry in `errors`. */
  failed: number;
  /** Row errors, at most HOTLINE_ERROR_LIMIT of them, in row order. */
  errors: HotlineRowError[];
  /** Every row error, including those left out of `errors`. */
  errorCount: number;
}

export const HOTLINE_ERROR_LIMIT = 1000;

export interface HotlineSatisfactionRequest {
  result: string;
}

export interface HotlineSatisfactionResult {
  orderNo: string;
  incidentId: string;
  citizenSatisfaction: SatisfactionResult;
}
