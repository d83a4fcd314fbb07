import {
  DEFAULT_TIMER_RULES,
  WHISTLE_TYPES,
  type CategoryCode,
  type Priority,
  type Role,
  type WhistleType,
} from '@whistle/shared';
import {
  ADMIN_ACCOUNT,
  departmentAccount,
  DISTRICT_LEADERS,
  DISTRICT_OPERATOR_ACCOUNT,
  GRID_WORKERS_PER_STREET,
  gridWorkerAccount,
  streetAccount,
} from '../world';
import type { DemoLayout } from './geography/layout';

export interface DepartmentSeed {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: 'department' | 'utility';
}

const dept = (code: string, nameZh: string, nameEn: string): DepartmentSeed => ({
  code,
  nameZh,
  nameEn,
  kind: 'department',
});
const utility = (code: string, nameZh: string, nameEn: string): DepartmentSeed => ({
  code,
  nameZh,
  nameEn,
  kind: 'utility',
});

/**
 * The district departments and utilities a street can summon. Short names, as they appear in the
 * live feed ("城管局 已报到"). Covers every code in CATEGORIES.suggestedDepartments (checked by a spec).
 */
export const DEPARTMENTS: readonly DepartmentSeed[] = [
  dept('chengguan', '城管局', 'Urban Management Bureau'),
  dept('shichang', '市场监管局', 'Market Regulation Bureau'),
  dept('xiaofang', '消防救援大队', 'Fire and Rescue Brigade'),
  dept('gongan', '公安分局', 'Public Security Sub-bureau'),
  dept('zhujian', '住建局', 'Housing and Urban-Rural Development Bureau'),
  dept('guihua', '规划分局', 'Planning and Natural Resources Sub-bureau'),
  dept('yingji', '应急管理局', 'Emergency Management Bureau'),
  utility('ranqi', '燃气公司', 'Gas Company'),
  utility('gongshui', '供水公司', 'Water Supply Company'),
  utility('gongdian', '供电公司', 'Power Supply Company'),
  dept('shuiwu', '水务局', 'Water Affairs Bureau'),
  dept('shengtai', '生态环境局', 'Ecology and Environment Bureau'),
  dept('huanwei', '环卫所', 'Sanitation Office'),
  dept('weijian', '卫健委', 'Health Commission'),
  dept('jiaojing', '交警大队', 'Traffic Police Brigade'),
  dept('jianshe', '建设局', 'Construction Bureau'),
  dept('yuanlin', '园林局', 'Landscaping Bureau'),
  dept('fangchan', '房产局', 'Housing Administration Bureau'),
  dept('renshe', '人社局', 'Human Resources and Social Security Bureau'),
  dept('minzheng', '民政局', 'Civil Affairs Bureau'),
  dept('jiaoyu', '教育局', 'Education Bureau'),
  dept('wenlv', '文旅局', 'Culture and Tourism Bureau'),
  dept('shangwu', '商务局', 'Commerce Bureau'),
  dept('sifa', '司法局', 'Justice Bureau'),
  dept('chengjian', '城建集团', 'Urban Construction Group'),
  dept('xinfang', '信访局', 'Letters and Calls Bureau'),
  dept('fagai', '发改委', 'Development and Reform Commission'),
  dept('tuiyi', '退役军人事务局', 'Veterans Affairs Bureau'),
  dept('yibao', '医保局', 'Healthcare Security Bureau'),
  dept('shuju', '数据局', 'Data Bureau'),
];

/** Matters every street accepts when a department sends them down. */
const ADMISSION_CORE: readonly CategoryCode[] = [
  'sanitation',
  'street_vending',
  'property_management',
  'greenery',
  'other',
];

/**
 * Admission lists (准入清单): what departments may send down to each street — a short list, never
 * every category; anything else the street may return. Extras follow each street's character
 * (tourist core: market order; riverside and low-lying east: drainage; new estates: labour).
 */
export const ADMISSION_LISTS: Readonly<Record<string, readonly CategoryCode[]>> = {
  fuzimiao: [...ADMISSION_CORE, 'noise', 'market_order', 'traffic_parking'],
  wulaocun: [...ADMISSION_CORE, 'noise', 'labor_dispute'],
  hongwulu: [...ADMISSION_CORE, 'noise', 'traffic_parking'],
  daguanglu: [...ADMISSION_CORE, 'labor_dispute', 'drainage'],
  ruijinlu: [...ADMISSION_CORE, 'noise', 'labor_dispute'],
  yueyahu: [...ADMISSION_CORE, 'labor_dispute', 'drainage'],
  guanghualu: [...ADMISSION_CORE, 'labor_dispute', 'road_facilities'],
  zhonghuamen: [...ADMISSION_CORE, 'noise', 'market_order'],
  shuangtang: [...ADMISSION_CORE, 'noise', 'labor_dispute', 'drainage'],
  honghua: [...ADMISSION_CORE, 'labor_dispute', 'road_facilities', 'drainage'],
  qinhong: [...ADMISSION_CORE, 'noise', 'labor_dispute'],
  chaotiangong: [...ADMISSION_CORE, 'noise', 'market_order'],
};

export interface TimerRuleSeed {
  whistleType: WhistleType;
  priority: Priority | 'any';
  acceptMinutes: number;
  arriveMinutes: number;
  resolveMinutes: number;
}

/** The design's defaults for any priority, and an urgent rule that halves the time to accept and to arrive. */
export function timerRuleSeeds(): TimerRuleSeed[] {
  return WHISTLE_TYPES.flatMap((whistleType) => {
    const { accept, arrive, resolve } = DEFAULT_TIMER_RULES[whistleType];
    const half = (minutes: number) => Math.max(1, Math.floor(minutes / 2));
    return [
      { whistleType, priority: 'any', acceptMinutes: accept, arriveMinutes: arrive, resolveMinutes: resolve },
      {
        whistleType,
        priority: 'urgent',
        acceptMinutes: half(accept),
        arriveMinutes: half(arrive),
        resolveMinutes: resolve,
      },
    ];
  });
}

export interface UserSeed {
  username: string;
  displayName: string;
  role: Role;
  streetCode: string | null;
  departmentCode: string | null;
  /** Streets a district leader is paired with (street_leaders), summoned by their tough-problem whistles. */
  pairedStreets: string[];
  /** Grid codes a grid worker looks after (grid_workers). */
  gridCodes: string[];
}

export const GRIDS_PER_WORKER = 4;

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程'.split('');
const GIVEN_NAMES =
  '敏,静,伟,芳,军,洋,勇,艳,杰,娟,涛,明,超,秀英,华,慧,建国,红梅,晓燕,海峰,志强,丽,鹏,婷,俊,玉兰,国庆,小平,春燕,文斌,亚楠,建华,桂英,宏伟,雪,磊,凤英,家明,晨,新民,晓东'.split(
    ',',
  );

/** A plausible, stable person's name for the n-th grid worker (no two alike for the demo's numbers). */
function personName(n: number): string {
  return `${SURNAMES[n % SURNAMES.length]}${GIVEN_NAMES[(n * 7) % GIVEN_NAMES.length]}`;
}

/**
 * The demo accounts: admin, district leaders and operator, one street operator per street, one duty
 * officer per department, and a few grid workers per street, worker n looking after the first
 * comprehensive grids of community n (a worker patrols a patch, not grids scattered across a street).
 */
export function userSeeds(layout: DemoLayout): UserSeed[] {
  const base = { streetCode: null, departmentCode: null, pairedStreets: [], gridCodes: [] };
  const users: UserSeed[] = [
    { ...base, username: ADMIN_ACCOUNT, displayName: '系统管理员', role: 'admin' },
    ...DISTRICT_LEADERS.map((l) => ({
      ...base,
      username: l.username,
      displayName: l.displayName,
      role: 'district_leader' as const,
      pairedStreets: [...l.streets],
    })),
    {
      ...base,
      username: DISTRICT_OPERATOR_ACCOUNT,
      displayName: '区指挥中心值班员',
      role: 'district_operator',
    },
  ];
  for (const street of layout.streets) {
    users.push({
      ...base,
      username: streetAccount(street.code),
      displayName: `${street.nameZh}指挥中心`,
      role: 'street_operator',
      streetCode: street.code,
    });
  }
  for (const d of DEPARTMENTS) {
    users.push({
      ...base,
      username: departmentAccount(d.code),
      displayName: `${d.nameZh}值班员`,
      role: 'dept_officer',
      departmentCode: d.code,
    });
  }
  let person = 0;
  for (const street of layout.streets) {
    const communities = layout.communities.filter((c) => c.streetCode === street.code);
    for (let n = 1; n <= GRID_WORKERS_PER_STREET; n++) {
      const community = communities[(n - 1) % communities.length];
      const gridCodes = layout.grids
        .filter((g) => g.communityCode === community?.code && g.kind === 'comprehensive')
        .slice(0, GRIDS_PER_WORKER)
        .map((g) => g.code);
      users.push({
        ...base,
        username: gridWorkerAccount(street.code, n),
        displayName: `${personName(person++)}（${street.nameZh.replace(/街道$/, '')}网格员）`,
        role: 'grid_worker',
        streetCode: street.code,
        gridCodes,
      });
    }
  }
  return users;
}
