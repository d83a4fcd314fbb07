import {
  CATEGORIES,
  HOTLINE_FIELD_ALIASES,
  HOTLINE_FIELDS,
  HOTLINE_SATISFACTION,
  PRIORITIES,
  SATISFACTION_RESULTS,
  type HotlineField,
  type Priority,
  type SatisfactionResult,
} from '@whistle/shared';

/** Column or key name (English field, its snake_case or a Chinese header) → field; unknown → null. */
const FIELD_BY_NAME = new Map<string, HotlineField>(
  HOTLINE_FIELDS.flatMap((field) => [
    [field.toLowerCase(), field] as const,
    ...HOTLINE_FIELD_ALIASES[field].map((alias) => [alias.toLowerCase(), field] as const),
  ]),
);

export function fieldOfName(name: string): HotlineField | null {
  return FIELD_BY_NAME.get(name.trim().toLowerCase()) ?? null;
}

/**
 * Hotline category names (12345 classifications) that differ from Whistle's own Chinese names.
 * Whistle codes and Whistle's Chinese category names are accepted as they are.
 */
const HOTLINE_CATEGORY_NAMES: Record<string, string> = {
  违章建筑: 'illegal_construction',
  违建: 'illegal_construction',
  私搭乱建: 'illegal_construction',
  流动摊贩: 'street_vending',
  无证摊贩: 'street_vending',
  消防安全: 'fire_hazard',
  燃气安全: 'gas_leak',
  燃气: 'gas_leak',
  停水: 'water_supply',
  供水: 'water_supply',
  停电: 'power_outage',
  供电: 'power_outage',
  大气污染: 'environment',
  油烟扰民: 'environment',
  噪音扰民: 'noise',
  施工噪音: 'noise',
  环境卫生: 'sanitation',
  垃圾清运: 'sanitation',
  市容市貌: 'sanitation',
  违章停车: 'traffic_parking',
  乱停车: 'traffic_parking',
  停车管理: 'traffic_parking',
  道路破损: 'road_facilities',
  井盖缺失: 'road_facilities',
  路灯故障: 'road_facilities',
  绿化养护: 'greenery',
  物业纠纷: 'property_management',
  物业服务: 'property_management',
  下水道堵塞: 'drainage',
  污水外溢: 'drainage',
  道路积水: 'drainage',
  拖欠工资: 'labor_dispute',
  欠薪: 'labor_dispute',
};

const CATEGORY_BY_NAME = new Map<string, string>([
  ...CATEGORIES.map((c) => [c.code, c.code] as const),
  ...CATEGORIES.map((c) => [c.nameZh, c.code] as const),
  ...Object.entries(HOTLINE_CATEGORY_NAMES),
]);

export function categoryOf(value: string): string | null {
  return CATEGORY_BY_NAME.get(value.trim()) ?? null;
}

const PRIORITY_BY_NAME = new Map<string, Priority>([
  ...PRIORITIES.map((p) => [p, p] as const),
  ['低', 'low'],
  ['一般', 'normal'],
  ['普通', 'normal'],
  ['高', 'high'],
  ['加急', 'high'],
  ['紧急', 'urgent'],
  ['特急', 'urgent'],
]);

export function priorityOf(value: string): Priority | null {
  return PRIORITY_BY_NAME.get(value.trim().toLowerCase()) ?? null;
}

const SATISFACTION_BY_NAME = new Map<string, SatisfactionResult>([
  ...SATISFACTION_RESULTS.map((s) => [s, s] as const),
  ...Object.entries(HOTLINE_SATISFACTION),
]);

export function satisfactionOf(value: string): SatisfactionResult | null {
  return SATISFACTION_BY_NAME.get(value.trim()) ?? null;
}

/** `YYYY-MM-DD HH:mm[:ss]` without a zone: the hotline's local time, China Standard Time. */
const LOCAL_TIME = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export function receivedAtOf(value: string): Date | null {
  const text = value.trim();
  const local = LOCAL_TIME.exec(text);
  if (local) {
    const [, y, mo, d, h, mi, s] = local.map(Number);
    const date = new Date(Date.UTC(y, mo - 1, d, h - 8, mi, s || 0));
    // Date.UTC rolls 2026-02-30 over into March; a real calendar date survives the round trip.
    const back = new Date(date.getTime() + 8 * 3_600_000);
    return back.getUTCMonth() === mo - 1 && back.getUTCDate() === d && h < 24 && mi < 60 && (s || 0) < 60
      ? date
      : null;
  }
  if (!ISO_WITH_ZONE.test(text)) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Keeps the first 3 and last 4 digits (138****5678); null when it is not a phone number. */
export function maskPhone(value: string): string | null {
  // A mainland mobile number with its country code (+86 138…) is kept as the national number.
  const written = value.replace(/[\s\-()+]/g, '');
  const digits = /^861\d{10}$/.test(written) ? written.slice(2) : written;
  if (!/^\d{5,15}$/.test(digits)) return null;
  if (digits.length <= 7) return `${digits.slice(0, 1)}${'*'.repeat(digits.length - 3)}${digits.slice(-2)}`;
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}
