import type { StreetFixture } from './factories';

/** One generated 12345 order, as a file row: header name → cell. */
export type HotlineRow = Record<string, string>;

/** The Chinese header a hotline export carries (工单编号, 受理时间, …). */
export const CHINESE_HEADER = [
  '工单编号',
  '受理时间',
  '问题类型',
  '诉求内容',
  '经度',
  '纬度',
  '地址',
  '来电号码',
  '满意度',
];

/** Category names as hotlines write them: Whistle codes, Whistle's Chinese names, hotline names. */
const CATEGORY_SPELLINGS = [
  ['street_vending', 'street_vending'],
  ['占道经营', 'street_vending'],
  ['噪音扰民', 'noise'],
  ['环境卫生', 'sanitation'],
  ['违章停车', 'traffic_parking'],
] as const;

export interface GeneratedOrder {
  row: HotlineRow;
  orderNo: string;
  category: string;
  /** The grid the order must land in (null for address-only rows: the street decides). */
  gridId: string | null;
  streetId: string;
}

/**
 * `count` valid orders spread over the streets' grids, with Chinese headers. Every 50th order has
 * only an address (community name) instead of a point; every 7th carries a satisfaction result.
 */
export function generateHotlineOrders(
  count: number,
  streets: readonly StreetFixture[],
  prefix: string,
): GeneratedOrder[] {
  const cells = streets.flatMap((s) =>
    s.grids.map((g, i) => ({ street: s, gridId: g.id, point: s.points[i] })),
  );
  return Array.from({ length: count }, (_, i) => {
    const cell = cells[i % cells.length];
    const [spelling, category] = CATEGORY_SPELLINGS[i % CATEGORY_SPELLINGS.length];
    const orderNo = `${prefix}-${String(i + 1).padStart(6, '0')}`;
    const byAddress = i % 50 === 49;
    // Spread points a little inside the grid (grids are 0.01° wide; points sit at their centres).
    const jitter = ((i % 13) - 6) * 0.0003;
    const row: HotlineRow = {
      工单编号: orderNo,
      受理时间: `2026-11-${String(1 + (i % 20)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:15:00`,
      问题类型: spelling,
      诉求内容: `市民反映第${i + 1}号问题，请尽快处理`,
      经度: byAddress ? '' : (cell.point.lng + jitter).toFixed(6),
      纬度: byAddress ? '' : (cell.point.lat - jitter).toFixed(6),
      地址: `南京市${cell.street.street.nameZh}${communityNameOf(cell.street)}${i + 1}号`,
      来电号码: i % 3 === 0 ? `1380000${String(i % 10000).padStart(4, '0')}` : '',
      满意度: i % 7 === 0 ? '满意' : '',
    };
    return {
      row,
      orderNo,
      category,
      gridId: byAddress ? null : cell.gridId,
      streetId: cell.street.street.id,
    };
  });
}

/** The factories name each street's one community after the street's number (测试街道1 → 测试社区1). */
function communityNameOf(street: StreetFixture): string {
  return street.street.nameZh.replace('街道', '社区');
}

/** Rows as CSV with the given header; cells quoted where they need it. */
export function toCsv(rows: readonly HotlineRow[], header: readonly string[] = CHINESE_HEADER): string {
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return (
    [header.join(','), ...rows.map((r) => header.map((h) => cell(r[h] ?? '')).join(','))].join('\n') + '\n'
  );
}
