import type { CategoryCode, WhistleType } from '@whistle/shared';

/** What the street writes and what departments answer, per category; `{p}` is a place of the street. */
export interface CategoryPhrases {
  titles: readonly string[];
  resolutions: readonly string[];
}

export const CATEGORY_PHRASES: Readonly<Record<CategoryCode, CategoryPhrases>> = {
  illegal_construction: {
    titles: ['{p}顶楼违建阳光房', '{p}沿街商铺私搭雨棚', '{p}一楼外扩阳台侵占绿地'],
    resolutions: ['违建已依法拆除，现场已清理', '当事人已自行拆除，恢复原状'],
  },
  street_vending: {
    titles: ['{p}占道经营', '{p}流动摊贩聚集', '{p}商铺出店经营'],
    resolutions: ['已劝离摊贩，纳入日常巡查点位', '已规范至疏导点经营，道路恢复通畅'],
  },
  fire_hazard: {
    titles: ['{p}楼道电动车充电', '{p}消防通道被堵', '{p}堆放易燃杂物'],
    resolutions: ['隐患已清除，已开展消防宣传', '通道已清理，设置禁停标识'],
  },
  gas_leak: {
    titles: ['{p}燃气异味', '{p}餐饮店燃气管道泄漏'],
    resolutions: ['已关阀抢修，检测正常后恢复供气', '泄漏点已更换，周边已通风排查'],
  },
  water_supply: {
    titles: ['{p}停水无通知', '{p}供水管道爆裂'],
    resolutions: ['管道已抢修完毕，恢复供水', '已更换阀门，水压恢复正常'],
  },
  power_outage: {
    titles: ['{p}片区停电', '{p}路灯线路故障'],
    resolutions: ['故障线路已抢修，恢复供电', '已更换变压器熔断器，供电正常'],
  },
  environment: {
    titles: ['{p}餐饮油烟扰民', '{p}工地扬尘', '{p}河道异味'],
    resolutions: ['已责令安装油烟净化设施并复测达标', '工地已覆盖洒水，扬尘得到控制'],
  },
  noise: {
    titles: ['{p}夜间施工噪声', '{p}广场舞音响扰民', '{p}商铺外放音响'],
    resolutions: ['已约谈当事方，噪声已消除', '已调整作业时段，复测达标'],
  },
  sanitation: {
    titles: ['{p}垃圾堆积未清运', '{p}建筑垃圾乱倒', '{p}公厕卫生差'],
    resolutions: ['垃圾已清运，增加清运频次', '已清理并设置监控提示'],
  },
  market_order: {
    titles: ['{p}无照经营', '{p}商户价格欺诈投诉'],
    resolutions: ['已立案查处，督促办理证照', '已责令整改并退还差价'],
  },
  food_safety: {
    titles: ['{p}小餐饮卫生状况差', '{p}售卖过期食品'],
    resolutions: ['已责令停业整改，复查合格', '过期食品已下架销毁，依法处罚'],
  },
  traffic_parking: {
    titles: ['{p}机动车乱停放', '{p}非机动车占用盲道'],
    resolutions: ['已贴单劝离，增设隔离桩', '非机动车已规整，划定停放区'],
  },
  road_facilities: {
    titles: ['{p}路面塌陷', '{p}井盖缺失', '{p}人行道破损'],
    resolutions: ['已设置围挡并完成修补', '井盖已补装，路面恢复'],
  },
  greenery: {
    titles: ['{p}行道树倾斜', '{p}绿地被毁种菜'],
    resolutions: ['已修剪加固，消除隐患', '已清理菜地并补植绿化'],
  },
  property_management: {
    titles: ['{p}电梯频繁故障', '{p}屋顶渗漏物业不修'],
    resolutions: ['已督促物业维修，电梯恢复运行', '已完成屋面防水维修'],
  },
  public_security: {
    titles: ['{p}夜间聚集滋事', '{p}群租房人员混杂'],
    resolutions: ['已加强巡逻，完成人员登记', '群租房已整治，人员已清退'],
  },
  safety_production: {
    titles: ['{p}工地脚手架不规范', '{p}小作坊违规用电'],
    resolutions: ['已责令停工整改，复查合格', '违规线路已拆除，安全检查通过'],
  },
  drainage: {
    titles: ['{p}雨后积水', '{p}污水外溢'],
    resolutions: ['管道已疏通，积水排净', '已抽排污水并修复管道'],
  },
  labor_dispute: {
    titles: ['{p}工地拖欠农民工工资', '{p}店铺员工讨薪'],
    resolutions: ['已协调支付拖欠工资', '已调解达成协议，工资已发放'],
  },
  other: {
    titles: ['{p}居民求助', '{p}公共设施损坏'],
    resolutions: ['已协调处理完毕', '已现场处置，居民认可'],
  },
};

export const INCIDENT_REJECT_REASONS: readonly string[] = [
  '经现场核实，反映问题已自行整改完毕，不予立案',
  '经核查，该诉求属邻里民事纠纷，已引导人民调解，不予立案',
  '现场核查未发现所反映问题，已电话回复来电人，不予立案',
  '诉求超出政策规定范围，已做好解释工作，不予立案',
];

export const DISPATCH_REJECT_REASONS: readonly string[] = [
  '经研判，该事项不属于本部门职责范围，请街道重新派单',
  '该事项已由其他部门牵头处置，本部门不再重复接单',
  '派单信息不全，无法确定责任主体，请补充后重新吹哨',
];

export const REOPEN_REASONS: readonly string[] = [
  '现场复核未达整改要求，请继续处置',
  '群众反映问题仍未解决，请继续跟进',
  '复核时发现问题反弹，整改不彻底',
];

export const RATING_COMMENTS: Readonly<Record<number, readonly string[]>> = {
  5: ['响应迅速，处置到位', '到场及时，群众满意'],
  4: ['处置较好，后续需加强巡查', '总体满意'],
  3: ['到场偏慢，处置基本到位', '需要多次催办'],
  2: ['超时严重，群众不满意'],
  1: ['推诿扯皮，问题未实质解决'],
};

export const WHISTLE_NOTES: Readonly<Record<WhistleType, readonly string[]>> = {
  enforcement: ['综合执法哨：请相关部门按时到场联合执法。'],
  key_work: ['重点工作哨：已列入街道重点工作，请部门按时报到、共同推进。'],
  emergency: ['应急处置哨：情况紧急，请立即响应、尽快到场！'],
  tough: ['攻坚哨：问题反复出现、久拖未决，提请区领导挂帅、部门联合攻坚。'],
};

export const LEADER_RESOLUTIONS: readonly string[] = [
  '区领导现场召开协调会，明确责任分工与整改时限，问题已解决',
  '区领导牵头督办，各部门联合攻坚完成，纳入长效管理',
];

/** Tasks departments send down to streets (部门派单); some are on the admission lists, some not. */
export const TASK_TEMPLATES: readonly { departmentCode: string; category: CategoryCode; title: string }[] = [
  { departmentCode: 'huanwei', category: 'sanitation', title: '{p}背街小巷垃圾分类督导' },
  { departmentCode: 'chengguan', category: 'street_vending', title: '{p}沿线占道经营集中整治' },
  { departmentCode: 'fangchan', category: 'property_management', title: '{p}物业服务情况摸排' },
  { departmentCode: 'yuanlin', category: 'greenery', title: '{p}绿地补植复绿' },
  { departmentCode: 'minzheng', category: 'other', title: '{p}独居老人冬季走访' },
  { departmentCode: 'shichang', category: 'food_safety', title: '{p}周边食品安全检查' },
  { departmentCode: 'shengtai', category: 'environment', title: '{p}餐饮油烟净化设施排查' },
  { departmentCode: 'xiaofang', category: 'fire_hazard', title: '{p}电动自行车充电隐患排查' },
];

export const TASK_RETURN_REASONS: readonly string[] = [
  '该事项不在本街道准入清单内，属部门法定职责，按规定退回',
  '经核对准入清单，该事项不属于街道承接范围，退回派单部门',
];

export const TASK_RESOLUTIONS: readonly string[] = ['已组织社区完成，形成台账报送', '已完成，问题清单已反馈'];
