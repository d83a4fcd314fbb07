import type { SatisfactionResult } from '../domain/vocabulary';

/**
 * 12345 hotline work orders. A batch file (CSV or JSON) and the single-order webhook carry the
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

export interface HotlineRowError {
  /** 1-based data row (the first order after a CSV header, or the first element of a JSON array is row 1). */
  row: number;
  orderNo: string | null;
  /** The field at fault; `location` when the point or address places the order outside the district. */
  field: HotlineField | 'location' | 'file';
  message: string;
}

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
