import {
  CATEGORIES,
  type HotlineField,
  type HotlineRowErrorMessage,
  type Priority,
  type SatisfactionResult,
} from '@whistle/shared';
import { fieldError, type FieldError } from './hotline-error';
import type { HotlineLocator, Placed } from './hotline-locator';
import {
  categoryOf,
  fieldOfName,
  maskPhone,
  priorityOf,
  receivedAtOf,
  satisfactionOf,
} from './hotline-vocabulary';

/** One order, checked and placed in its grid: ready to be written. */
export interface HotlineOrderInput extends Placed {
  row: number;
  orderNo: string;
  receivedAt: Date;
  category: string;
  title: string;
  description: string;
  priority: Priority;
  address: string | null;
  citizenPhoneMasked: string | null;
  satisfaction: SatisfactionResult | null;
}

type Fail = (field: FieldError['field'], coded: HotlineRowErrorMessage) => void;
const REQUIRED: HotlineRowErrorMessage = { code: 'required', params: {} };

export type RowResult =
  { ok: true; order: HotlineOrderInput } | { ok: false; orderNo: string | null; errors: FieldError[] };

/** Order numbers travel in URLs (…/orders/:orderNo/satisfaction), so they keep to URL-safe characters. */
const ORDER_NO = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const TITLE_FROM_DESCRIPTION = 40;

export type RawRecord = Partial<Record<HotlineField, string>>;

/**
 * A CSV record or JSON object keyed by any accepted column name → its fields as trimmed text.
 * Keys that name no field are returned separately (a webhook refuses them; a file ignores them).
 */
export function normaliseRecord(input: Record<string, unknown>): { record: RawRecord; unknown: string[] } {
  const record: RawRecord = {};
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    const field = fieldOfName(key);
    if (!field) {
      unknown.push(key);
      continue;
    }
    if (value === null || value === undefined) continue;
    const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : null;
    // Objects and booleans are never a valid field value; keep something the checks below refuse.
    record[field] = text ?? '\u0000';
  }
  return { record, unknown };
}

/** Checks every field of one order and places it; collects all the row's errors, not just the first. */
export function checkRow(row: number, raw: RawRecord, locator: HotlineLocator): RowResult {
  const errors: FieldError[] = [];
  const fail: Fail = (field, coded) => errors.push(fieldError(field, coded));
  const text = (field: HotlineField) => (raw[field] === '' ? undefined : raw[field]);

  const orderNo = text('orderNo');
  if (orderNo === undefined) fail('orderNo', REQUIRED);
  else if (!ORDER_NO.test(orderNo)) fail('orderNo', { code: 'order_no_format', params: {} });

  const receivedText = text('receivedAt');
  const receivedAt = receivedText === undefined ? null : receivedAtOf(receivedText);
  if (receivedText === undefined) fail('receivedAt', REQUIRED);
  else if (!receivedAt) fail('receivedAt', { code: 'received_at_format', params: {} });
  else if (receivedAt.getTime() > Date.now() + 5 * 60_000)
    fail('receivedAt', { code: 'received_at_future', params: {} });

  const categoryText = text('category');
  const category = categoryText === undefined ? null : categoryOf(categoryText);
  if (categoryText === undefined) fail('category', REQUIRED);
  else if (!category) fail('category', { code: 'category_unknown', params: { value: categoryText } });

  const description = text('description');
  if (description === undefined) fail('description', REQUIRED);
  else if (description.length > 5000) fail('description', { code: 'too_long', params: { max: 5000 } });

  const title = text('title');
  if (title !== undefined && (title.length < 2 || title.length > 200))
    fail('title', { code: 'title_length', params: { min: 2, max: 200 } });

  const priorityText = text('priority');
  const priority = priorityText === undefined ? 'normal' : priorityOf(priorityText);
  if (!priority) fail('priority', { code: 'priority_unknown', params: {} });

  const satisfactionText = text('satisfaction');
  const satisfaction = satisfactionText === undefined ? null : satisfactionOf(satisfactionText);
  if (satisfactionText !== undefined && !satisfaction)
    fail('satisfaction', { code: 'satisfaction_unknown', params: {} });

  const phone = text('citizenPhone');
  const citizenPhoneMasked = phone === undefined ? null : maskPhone(phone);
  if (phone !== undefined && !citizenPhoneMasked) fail('citizenPhone', { code: 'phone_invalid', params: {} });

  const address = text('address') ?? null;
  if (address !== null && address.length > 500) fail('address', { code: 'too_long', params: { max: 500 } });
  const placed = place(text('lng'), text('lat'), address, locator, fail);

  if (errors.length > 0 || !orderNo || !receivedAt || !category || !description || !priority || !placed) {
    return { ok: false, orderNo: orderNo ?? null, errors };
  }
  return {
    ok: true,
    order: {
      row,
      orderNo,
      receivedAt,
      category,
      title: title ?? titleOf(category, description),
      description,
      priority,
      address,
      citizenPhoneMasked,
      satisfaction,
      ...placed,
    },
  };
}

function place(
  lngText: string | undefined,
  latText: string | undefined,
  address: string | null,
  locator: HotlineLocator,
  fail: Fail,
): Placed | null {
  if (lngText !== undefined || latText !== undefined) {
    const lng = Number(lngText);
    const lat = Number(latText);
    const lngOk = lngText !== undefined && Number.isFinite(lng) && lng >= -180 && lng <= 180;
    const latOk = latText !== undefined && Number.isFinite(lat) && lat >= -90 && lat <= 90;
    if (!lngOk) fail('lng', { code: 'longitude_invalid', params: {} });
    if (!latOk) fail('lat', { code: 'latitude_invalid', params: {} });
    if (!lngOk || !latOk) return null;
    const placed = locator.atPoint({ lng, lat });
    if (!placed) fail('location', { code: 'point_outside_district', params: { lng, lat } });
    return placed;
  }
  if (address === null) {
    fail('location', { code: 'location_missing', params: {} });
    return null;
  }
  const placed = locator.byAddress(address);
  if (!placed) fail('address', { code: 'address_unplaced', params: {} });
  return placed;
}

const CATEGORY_NAMES = new Map<string, string>(CATEGORIES.map((c) => [c.code, c.nameZh]));

/** 12345 orders rarely have a title: the category and the start of the complaint make one. */
function titleOf(category: string, description: string): string {
  const start =
    description.length > TITLE_FROM_DESCRIPTION
      ? `${description.slice(0, TITLE_FROM_DESCRIPTION)}…`
      : description;
  return `12345·${CATEGORY_NAMES.get(category) ?? category}：${start}`;
}
