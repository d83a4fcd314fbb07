import {
  CATEGORIES,
  PRIORITIES,
  type CategoryCode,
  type CategoryDefinition,
  type Priority,
} from '@whistle/shared';

/** The datatypes of a GeoReport v2 service definition attribute. */
export const ATTRIBUTE_DATATYPES = [
  'string',
  'number',
  'datetime',
  'text',
  'singlevaluelist',
  'multivaluelist',
] as const;
export type AttributeDatatype = (typeof ATTRIBUTE_DATATYPES)[number];

export interface ServiceAttribute {
  variable: boolean;
  code: string;
  datatype: AttributeDatatype;
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values: { key: string; name: string }[];
}

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
}

export interface ServiceDefinition {
  service_code: string;
  attributes: ServiceAttribute[];
}

interface CategoryExtras {
  group: string;
  description: string;
  /** Attributes only this service asks for, after the common ones. */
  attributes?: Omit<ServiceAttribute, 'order' | 'variable'>[];
}

const PRIORITY_NAMES: Record<Priority, string> = { low: '低', normal: '一般', high: '较高', urgent: '紧急' };

/** Asked of every service: how urgent the reporter thinks it is, and where exactly it is. */
const COMMON_ATTRIBUTES: Omit<ServiceAttribute, 'order' | 'variable'>[] = [
  {
    code: 'priority',
    datatype: 'singlevaluelist',
    required: false,
    datatype_description: '不填则按“一般”受理',
    description: '紧急程度',
    values: PRIORITIES.map((p) => ({ key: p, name: PRIORITY_NAMES[p] })),
  },
  {
    code: 'floor',
    datatype: 'string',
    required: false,
    datatype_description: '如“3楼”“地下车库”',
    description: '楼层或具体部位',
    values: [],
  },
];

/** Open311 needs a group and a description per service; Whistle's categories have neither. */
const EXTRAS: Record<CategoryCode, CategoryExtras> = {
  illegal_construction: { group: '城市管理', description: '违法搭建、私自改建扩建等违法建设行为' },
  street_vending: { group: '城市管理', description: '占用道路、人行道摆摊设点或店外经营' },
  fire_hazard: { group: '公共安全', description: '楼道堆物、消防通道堵塞、消防设施损坏等隐患' },
  gas_leak: {
    group: '公共安全',
    description: '闻到燃气异味或发现燃气管道、设施泄漏（紧急情况请同时拨打 119）',
    attributes: [
      {
        code: 'odor_level',
        datatype: 'singlevaluelist',
        required: true,
        datatype_description: null,
        description: '异味程度',
        values: [
          { key: 'slight', name: '轻微异味' },
          { key: 'strong', name: '浓烈异味' },
          { key: 'hissing', name: '有明显漏气声' },
        ],
      },
    ],
  },
  water_supply: {
    group: '公用设施',
    description: '停水、水压低、水管爆裂、水质异常',
    attributes: [
      {
        code: 'households_affected',
        datatype: 'number',
        required: false,
        datatype_description: '大约的户数',
        description: '受影响户数',
        values: [],
      },
    ],
  },
  power_outage: { group: '公用设施', description: '停电、线路故障、电力设施损坏' },
  environment: { group: '生态环境', description: '污水直排、废气、油烟、扬尘等环境污染' },
  noise: {
    group: '生态环境',
    description: '施工、商业、娱乐或生活噪声扰民',
    attributes: [
      {
        code: 'noise_source',
        datatype: 'multivaluelist',
        required: false,
        datatype_description: '可多选',
        description: '噪声来源',
        values: [
          { key: 'construction', name: '建筑施工' },
          { key: 'commercial', name: '商业经营' },
          { key: 'entertainment', name: '娱乐场所' },
          { key: 'residential', name: '社会生活' },
        ],
      },
    ],
  },
  sanitation: { group: '城市管理', description: '垃圾未清运、道路不洁、公厕问题等市容环卫问题' },
  market_order: { group: '市场监管', description: '价格欺诈、无照经营等市场秩序问题' },
  food_safety: { group: '市场监管', description: '食品卫生、过期变质食品等食品安全问题' },
  traffic_parking: { group: '交通出行', description: '违章停车、交通设施损坏、道路拥堵' },
  road_facilities: { group: '城市管理', description: '路面破损、井盖缺失、路灯不亮等道路设施问题' },
  greenery: { group: '城市管理', description: '树木倒伏、绿地损毁、绿化养护问题' },
  property_management: { group: '社会事务', description: '小区物业服务、公共设施维修等物业管理问题' },
  public_security: { group: '公共安全', description: '治安隐患、可疑情况（紧急警情请拨打 110）' },
  safety_production: { group: '公共安全', description: '生产经营单位安全隐患' },
  drainage: { group: '公用设施', description: '道路积水、排水不畅、防汛隐患' },
  labor_dispute: { group: '社会事务', description: '拖欠工资等劳动纠纷' },
  other: { group: '其他', description: '其他城市管理与公共服务问题' },
};

function attributesOf(category: CategoryDefinition): ServiceAttribute[] {
  const own = EXTRAS[category.code as CategoryCode].attributes ?? [];
  // Fields in the spec's order: some clients read the XML positionally.
  return [...COMMON_ATTRIBUTES, ...own].map((a, i) => ({
    variable: true,
    code: a.code,
    datatype: a.datatype,
    required: a.required,
    datatype_description: a.datatype_description,
    order: i + 1,
    description: a.description,
    values: a.values,
  }));
}

function serviceOf(category: CategoryDefinition): Open311Service {
  const extras = EXTRAS[category.code as CategoryCode];
  return {
    service_code: category.code,
    service_name: category.nameZh,
    description: extras.description,
    metadata: attributesOf(category).length > 0,
    type: 'realtime',
    keywords: [category.nameZh, category.nameEn, extras.group].join(', '),
    group: extras.group,
  };
}

/** Every Whistle category is one Open311 service; service_code is the category code. */
export const OPEN311_SERVICES: readonly Open311Service[] = CATEGORIES.map(serviceOf);

export function findService(code: string): Open311Service | undefined {
  return OPEN311_SERVICES.find((s) => s.service_code === code);
}

export function serviceDefinition(code: string): ServiceDefinition | undefined {
  const category = CATEGORIES.find((c) => c.code === code);
  return category ? { service_code: category.code, attributes: attributesOf(category) } : undefined;
}
