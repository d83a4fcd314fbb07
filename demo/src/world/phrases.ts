import type { CategoryCode, WhistleType } from '@whistle/shared';
import { pick, type Random } from './random';

/** What street operators write when they refuse to register a report (不予立案). */
export const INCIDENT_REJECT_REASONS: readonly string[] = [
  '经现场核实，反映问题已自行整改完毕，不予立案',
  '经核查，该诉求属邻里民事纠纷，已引导当事人通过人民调解解决，不予立案',
  '现场核查未发现所反映问题，已电话回复来电人，不予立案',
  '诉求超出政策规定范围，已做好解释工作，不予立案',
  '该事项属企业内部经营管理问题，不属于政府职能范围，不予立案',
  '反映的施工已取得合法手续且在规定时段内作业，不予立案',
];

/** Why the street's check of a fix failed (复核不通过), by category where it reads better. */
const REOPEN_REASONS: Partial<Readonly<Record<CategoryCode, readonly string[]>>> = {
  street_vending: ['复核时发现摊贩回流，整改不彻底', '晚间摊点仍在原处经营，请继续处置'],
  noise: ['夜间噪声依旧，居民再次投诉', '复测噪声仍超标，请继续整改'],
  drainage: ['降雨后再次积水，需进一步疏通', '管道仍有堵塞，污水未完全排净'],
  sanitation: ['复核时垃圾又有堆积，需建立长效机制', '清运不彻底，桶边仍有散落垃圾'],
  environment: ['油烟净化器未正常开启，居民仍有投诉', '复核仍有异味，请继续处置'],
  illegal_construction: ['复核发现违建主体结构仍未拆除', '仅拆除部分，剩余部分请限期处理'],
  property_management: ['雨后复查仍有渗漏，请继续维修', '物业仍未落实整改，居民不认可'],
};
const DEFAULT_REOPEN_REASONS: readonly string[] = [
  '现场复核未达整改要求，请继续处置',
  '群众反映问题仍未解决，请继续跟进',
  '复核时发现问题反弹，整改不彻底',
];

/** Any category, as an API view gives it: one without reasons of its own gets the general ones. */
export function reopenReasonsOf(category: string): readonly string[] {
  return REOPEN_REASONS[category as CategoryCode] ?? DEFAULT_REOPEN_REASONS;
}

/** Why a department sends a dispatch back to the street (拒单). */
export const DISPATCH_REJECT_REASONS: readonly string[] = [
  '经研判，该事项不属于本部门职责范围，请街道重新派单',
  '该事项已由其他部门牵头处置，本部门不再重复接单',
  '派单信息不全，无法确定责任主体，请补充后重新吹哨',
];

/** The street's comment with each rating, by score; many ratings come without one. */
export const RATING_COMMENTS: Readonly<Record<number, readonly string[]>> = {
  5: ['响应迅速，处置到位', '到场及时，效果明显，群众满意', '联动高效，值得肯定'],
  4: ['处置较好，后续需加强巡查', '总体满意', '到场及时，处置基本到位'],
  3: ['到场偏慢，处置基本到位', '沟通不够及时，效果一般', '需要多次催办'],
  2: ['多次催促才到场，处置效果不理想', '超时严重，群众不满意'],
  1: ['推诿扯皮，问题未实质解决'],
};

/** How a whistle note opens, by type; the scenario's ask follows. */
const WHISTLE_LEADS: Readonly<Record<WhistleType, readonly string[]>> = {
  enforcement: ['综合执法哨：请相关部门按时到场联合执法。', '请各部门按时限接单报到，开展联合执法。'],
  key_work: ['重点工作哨：已列入街道重点工作，请部门按时报到、共同推进。', '请相关部门对接社区，限期办结。'],
  emergency: ['应急处置哨：情况紧急，请立即响应、尽快到场！', '突发情况，请各部门立即出动，现场会合。'],
  tough: [
    '攻坚哨：问题反复出现、久拖未决，提请区领导挂帅、部门联合攻坚。',
    '攻坚哨：涉及多部门职责交叉，请区领导牵头协调、双报到。',
  ],
};

/** A whistle's note: its type's opening, then the matter. */
export function whistleNote(random: Random, type: WhistleType, title: string): string {
  return `${pick(random, WHISTLE_LEADS[type])}${title}`;
}

/** The note a district leader files when a tough-problem whistle's matter is settled. */
export const LEADER_RESOLUTIONS: readonly string[] = [
  '区领导现场召开协调会，明确责任分工与整改时限，问题已解决',
  '区领导牵头督办，各部门联合攻坚完成，纳入长效管理',
];

/** How a street phrases a repeat report it folds into the first one (重复工单). */
export const DUPLICATE_PREFIXES: readonly string[] = ['市民再次来电：', '重复反映：', '多名居民反映：'];

/** Tasks departments send down to streets (部门派单), with what the street reports back. */
export interface TaskTemplate {
  departmentCode: string;
  category: CategoryCode;
  title: string;
  description: string;
  resolution: string;
}

export const TASK_TEMPLATES: readonly TaskTemplate[] = [
  {
    departmentCode: 'huanwei',
    category: 'sanitation',
    title: '{road}背街小巷垃圾分类督导',
    description: '请街道组织社区对{road}沿线背街小巷开展垃圾分类入户督导，两周内完成。',
    resolution: '已完成沿线入户督导186户，投放点混投率明显下降',
  },
  {
    departmentCode: 'chengguan',
    category: 'street_vending',
    title: '{road}沿线占道经营集中整治',
    description: '节假日前请街道配合对{road}沿线占道经营开展集中整治。',
    resolution: '整治占道经营摊点14处，建立网格员每日巡查台账',
  },
  {
    departmentCode: 'fangchan',
    category: 'property_management',
    title: '{estate}物业服务情况摸排',
    description: '请街道对{estate}物业服务合同履行情况开展摸排并反馈问题清单。',
    resolution: '已完成摸排，形成问题清单9条并报送房产局',
  },
  {
    departmentCode: 'yuanlin',
    category: 'greenery',
    title: '{estate}绿地补植复绿',
    description: '请街道协调社区配合完成{estate}裸露绿地补植，做好居民解释工作。',
    resolution: '补植绿地约300平方米，居民无异议',
  },
  {
    departmentCode: 'minzheng',
    category: 'other',
    title: '{estate}独居老人冬季走访',
    description: '入冬前请街道组织网格员对{estate}独居老人开展走访，排查取暖与用电安全。',
    resolution: '走访独居老人42户，发现并整改用电隐患3处',
  },
  {
    departmentCode: 'shichang',
    category: 'food_safety',
    title: '{spot}周边食品安全检查',
    description: '请街道对{spot}周边食品经营店开展食品安全检查。',
    resolution: '已完成检查',
  },
  {
    departmentCode: 'shengtai',
    category: 'environment',
    title: '{road}餐饮油烟净化设施排查',
    description: '请街道对{road}沿线餐饮单位油烟净化设施安装情况开展排查。',
    resolution: '已完成排查',
  },
  {
    departmentCode: 'xiaofang',
    category: 'fire_hazard',
    title: '{estate}电动自行车充电隐患排查',
    description: '请街道对{estate}电动自行车楼道充电情况开展排查整治。',
    resolution: '已完成排查',
  },
];

/** Why a street returns a task that is not on its admission list. */
export const TASK_RETURN_REASONS: readonly string[] = [
  '该事项不在本街道准入清单内，属部门法定职责，按规定退回',
  '经核对准入清单，该事项不属于街道承接范围，退回派单部门',
];

/** What a street reports back on a task that follows none of the templates (sent from the dashboard). */
const TASK_RESOLUTION_FALLBACK = '已组织社区完成，问题清单已反馈';

/** What a street reports back on a task of this category. */
export function taskResolutionOf(category: string): string {
  return TASK_TEMPLATES.find((t) => t.category === category)?.resolution ?? TASK_RESOLUTION_FALLBACK;
}
