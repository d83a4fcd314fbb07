/**
 * Incident categories, with the department codes a street usually summons for each.
 * The dashboard's whistle dialog suggests departments from `suggestedDepartments`.
 */
export interface CategoryDefinition {
  code: string;
  nameZh: string;
  nameEn: string;
  suggestedDepartments: readonly string[];
}

export const CATEGORIES = [
  {
    code: 'illegal_construction',
    nameZh: '违法建设',
    nameEn: 'Illegal construction',
    suggestedDepartments: ['chengguan', 'zhujian', 'guihua'],
  },
  {
    code: 'street_vending',
    nameZh: '占道经营',
    nameEn: 'Street vending',
    suggestedDepartments: ['chengguan', 'shichang'],
  },
  {
    code: 'fire_hazard',
    nameZh: '消防隐患',
    nameEn: 'Fire hazard',
    suggestedDepartments: ['xiaofang', 'yingji', 'chengguan'],
  },
  {
    code: 'gas_leak',
    nameZh: '燃气泄漏',
    nameEn: 'Gas leak',
    suggestedDepartments: ['ranqi', 'xiaofang', 'yingji'],
  },
  {
    code: 'water_supply',
    nameZh: '供水故障',
    nameEn: 'Water supply fault',
    suggestedDepartments: ['gongshui', 'shuiwu'],
  },
  { code: 'power_outage', nameZh: '供电故障', nameEn: 'Power outage', suggestedDepartments: ['gongdian'] },
  {
    code: 'environment',
    nameZh: '环境污染',
    nameEn: 'Pollution',
    suggestedDepartments: ['shengtai', 'chengguan'],
  },
  {
    code: 'noise',
    nameZh: '噪声扰民',
    nameEn: 'Noise nuisance',
    suggestedDepartments: ['shengtai', 'gongan', 'chengguan'],
  },
  {
    code: 'sanitation',
    nameZh: '市容环卫',
    nameEn: 'Sanitation',
    suggestedDepartments: ['chengguan', 'huanwei'],
  },
  {
    code: 'market_order',
    nameZh: '市场秩序',
    nameEn: 'Market order',
    suggestedDepartments: ['shichang', 'gongan'],
  },
  {
    code: 'food_safety',
    nameZh: '食品安全',
    nameEn: 'Food safety',
    suggestedDepartments: ['shichang', 'weijian'],
  },
  {
    code: 'traffic_parking',
    nameZh: '交通停车',
    nameEn: 'Traffic and parking',
    suggestedDepartments: ['jiaojing', 'chengguan'],
  },
  {
    code: 'road_facilities',
    nameZh: '道路设施',
    nameEn: 'Road facilities',
    suggestedDepartments: ['jianshe', 'chengguan'],
  },
  { code: 'greenery', nameZh: '园林绿化', nameEn: 'Greenery', suggestedDepartments: ['yuanlin'] },
  {
    code: 'property_management',
    nameZh: '物业管理',
    nameEn: 'Property management',
    suggestedDepartments: ['fangchan', 'zhujian'],
  },
  {
    code: 'public_security',
    nameZh: '治安隐患',
    nameEn: 'Public security',
    suggestedDepartments: ['gongan'],
  },
  {
    code: 'safety_production',
    nameZh: '安全生产',
    nameEn: 'Work safety',
    suggestedDepartments: ['yingji', 'xiaofang'],
  },
  {
    code: 'drainage',
    nameZh: '排水防汛',
    nameEn: 'Drainage and flooding',
    suggestedDepartments: ['shuiwu', 'yingji'],
  },
  { code: 'labor_dispute', nameZh: '劳动纠纷', nameEn: 'Labour dispute', suggestedDepartments: ['renshe'] },
  { code: 'other', nameZh: '其他', nameEn: 'Other', suggestedDepartments: [] },
] as const satisfies readonly CategoryDefinition[];

export type CategoryCode = (typeof CATEGORIES)[number]['code'];
export const CATEGORY_CODES: readonly CategoryCode[] = CATEGORIES.map((c) => c.code);

/** The categories whose usual departments include `departmentCode` (a department's starting set). */
export function categoriesSuggesting(departmentCode: string): CategoryCode[] {
  return CATEGORIES.filter((c) => (c.suggestedDepartments as readonly string[]).includes(departmentCode)).map(
    (c) => c.code,
  );
}
