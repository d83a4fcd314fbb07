import { CATEGORY_CODES, type CategoryCode, type WhistleType } from '@whistle/shared';
import { pick, weighted, type Random } from './random';

/**
 * The kinds of matter the demo streets handle, by category: a title and description ({road},
 * {estate} and {spot} are filled from the street's places), the departments a street summons for
 * it (primary first, from the category's suggestions; then others the category suggests, and
 * sometimes the one more department this matter really needs, e.g. 教育局 for hawkers at a school
 * gate), the whistle usually blown, and how departments report the fix.
 */
export interface Scenario {
  category: CategoryCode;
  title: string;
  description: string;
  departments: readonly string[];
  whistles: readonly (readonly [WhistleType, number])[];
  resolutions: readonly string[];
  /** Long-standing: sometimes escalated with a tough-problem whistle (攻坚哨). */
  tough?: boolean;
  /** Triaged and whistled at once, at any hour. */
  urgent?: boolean;
  /** Street cameras can raise it (video alert). */
  video?: boolean;
  /** A department streets sometimes summon by mistake, and the reason it sends the dispatch back. */
  misroute?: { departmentCode: string; reason: string };
}

const ENFORCEMENT = [['enforcement', 1]] as const;
const EMERGENCY = [['emergency', 1]] as const;
const KEY_WORK = [['key_work', 1]] as const;
const MOSTLY_ENFORCEMENT = [
  ['enforcement', 4],
  ['key_work', 1],
] as const;
const MOSTLY_KEY_WORK = [
  ['key_work', 3],
  ['enforcement', 1],
] as const;

export const SCENARIOS: readonly Scenario[] = [
  // 违法建设
  {
    category: 'illegal_construction',
    title: '{estate}顶楼违建阳光房',
    description: '居民反映{estate}顶楼住户私自搭建阳光房，占用公共屋面，存在安全隐患并影响楼下防水。',
    departments: ['chengguan', 'zhujian', 'guihua'],
    whistles: MOSTLY_ENFORCEMENT,
    tough: true,
    video: true,
    resolutions: [
      '已下达限期拆除通知书，业主已自行拆除，屋面恢复原状',
      '联合执法拆除违建约25平方米，建筑垃圾已清运',
    ],
  },
  {
    category: 'illegal_construction',
    title: '{estate}老旧小区违建阳台',
    description: '{estate}一楼住户外扩阳台侵占公共绿地，邻里矛盾突出，社区多次协调未果。',
    departments: ['chengguan', 'zhujian', 'sifa'],
    whistles: MOSTLY_ENFORCEMENT,
    tough: true,
    resolutions: [
      '经调解当事人同意自行拆除外扩部分，绿地已由社区补植',
      '依法拆除外扩阳台，邻里纠纷已调解签字',
    ],
  },
  {
    category: 'illegal_construction',
    title: '{road}沿街商铺私搭雨棚',
    description: '{road}多家沿街商铺私自加建钢结构雨棚，占用人行道并影响消防登高面。',
    departments: ['chengguan', 'guihua'],
    whistles: ENFORCEMENT,
    video: true,
    resolutions: ['已督促商户自行拆除雨棚6处', '对拒不整改的2户依法强制拆除，现场已清理'],
  },
  {
    category: 'illegal_construction',
    title: '{estate}地下室违规改建群租',
    description: '{estate}地下车库被隔断改建为十余间出租房，人员混杂，无消防设施。',
    departments: ['chengguan', 'gongan', 'zhujian'],
    whistles: MOSTLY_ENFORCEMENT,
    resolutions: ['隔断已全部拆除，租住人员已妥善清退并登记', '责令房东恢复地下室原有用途，已复查到位'],
  },
  // 占道经营
  {
    category: 'street_vending',
    title: '{road}占道经营',
    description: '早晚高峰流动摊贩在{road}人行道摆摊，影响行人通行，垃圾随地丢弃。',
    departments: ['chengguan', 'shichang'],
    whistles: ENFORCEMENT,
    video: true,
    resolutions: [
      '现场劝离流动摊贩8处，已纳入城管日常巡查点位',
      '已规范摊点至临时疏导点经营，人行道恢复通畅',
    ],
  },
  {
    category: 'street_vending',
    title: '{spot}夜市摊点占道',
    description: '{spot}夜间摊点越线经营，桌椅摆上机动车道，油烟、噪声扰民。',
    departments: ['chengguan', 'shichang', 'shangwu'],
    whistles: ENFORCEMENT,
    video: true,
    resolutions: ['已划定经营区域并设置隔离桩，越线摊点全部退回', '联合商务部门约谈夜市管理方，落实门前三包'],
  },
  {
    category: 'street_vending',
    title: '{spot}流动摊贩售卖三无食品',
    description: '放学时段{spot}周边聚集流动摊贩，售卖无标签食品，存在食品安全隐患。',
    departments: ['chengguan', 'shichang', 'jiaoyu'],
    whistles: ENFORCEMENT,
    resolutions: [
      '劝离摊贩5处，没收无标签食品一批，学校已开展安全教育',
      '建立放学时段联勤机制，摊贩已未再出现',
    ],
  },
  {
    category: 'street_vending',
    title: '{road}商铺出店经营',
    description: '{road}多家商铺将货架、冰柜摆至店外，占用盲道。',
    departments: ['chengguan', 'shangwu'],
    whistles: ENFORCEMENT,
    video: true,
    resolutions: ['已责令12家商铺退店经营并签订门前三包责任书', '盲道已清理，纳入每日巡查'],
  },
  // 消防隐患
  {
    category: 'fire_hazard',
    title: '{estate}电动车楼道充电',
    description: '{estate}多个单元居民在楼道内飞线充电，电动自行车堵塞安全出口。',
    departments: ['xiaofang', 'chengguan', 'yingji'],
    whistles: [
      ['enforcement', 3],
      ['emergency', 1],
    ],
    video: true,
    resolutions: [
      '清理楼道电动车23辆、飞线9处，已协调物业增设集中充电桩',
      '开展入户消防宣传，楼道杂物已全部清除',
    ],
  },
  {
    category: 'fire_hazard',
    title: '{estate}消防通道被占',
    description: '{estate}消防通道长期被私家车和杂物占用，消防车无法通行。',
    departments: ['xiaofang', 'chengguan'],
    whistles: ENFORCEMENT,
    video: true,
    resolutions: ['已施划消防通道标线并设置警示牌，占道车辆全部挪离', '督促物业落实消防通道日常管理'],
  },
  {
    category: 'fire_hazard',
    title: '{road}沿街商铺“三合一”住人',
    description: '{road}一家五金店集生产、储存、住宿于一体，店内堆放大量易燃物。',
    departments: ['xiaofang', 'yingji', 'gongan'],
    whistles: MOSTLY_ENFORCEMENT,
    resolutions: ['住宿人员已全部搬离，易燃物清运完毕', '下达责令整改通知书，复查已整改到位'],
  },
  // 燃气泄漏
  {
    category: 'gas_leak',
    title: '{estate}燃气异味',
    description: '居民反映{estate}楼道内有明显燃气味，已疏散同单元住户，请求立即处置。',
    departments: ['ranqi', 'xiaofang', 'yingji'],
    whistles: EMERGENCY,
    urgent: true,
    resolutions: ['查明为立管接口松动泄漏，已关阀抢修并检测合格恢复供气', '更换老化软管，入户安全检查12户'],
  },
  {
    category: 'gas_leak',
    title: '{road}餐馆燃气管道泄漏',
    description: '{road}一家餐馆后厨燃气管道破损漏气，现场已疏散顾客。',
    departments: ['ranqi', 'xiaofang', 'yingji'],
    whistles: EMERGENCY,
    urgent: true,
    resolutions: ['已关闭总阀并完成管道修复，检测无泄漏后恢复供气', '责令餐馆停业整改，加装燃气泄漏报警装置'],
  },
  // 供水故障
  {
    category: 'water_supply',
    title: '{estate}突发停水',
    description: '{estate}自凌晨起停水，未见停水通知，居民生活受影响。',
    departments: ['gongshui', 'shuiwu'],
    whistles: [
      ['emergency', 1],
      ['key_work', 1],
    ],
    resolutions: ['查明为小区总管阀门故障，已抢修恢复供水', '临时送水车到位，管道修复后恢复供水'],
  },
  {
    category: 'water_supply',
    title: '{road}供水管道爆裂',
    description: '{road}路面供水管道爆裂，大量积水漫溢至机动车道。',
    departments: ['gongshui', 'shuiwu', 'jiaojing'],
    whistles: EMERGENCY,
    urgent: true,
    resolutions: ['已关阀止水并完成爆管抢修，路面恢复通行', '交警现场疏导交通，供水公司连夜抢修完毕'],
  },
  // 供电故障
  {
    category: 'power_outage',
    title: '{estate}片区停电',
    description: '{estate}及周边片区突然停电，居民家中电梯停运，有老人被困。',
    departments: ['gongdian'],
    whistles: EMERGENCY,
    urgent: true,
    resolutions: ['查明为箱变故障，抢修后已恢复供电', '更换烧损电缆接头，恢复供电并排查线路'],
  },
  {
    category: 'power_outage',
    title: '{road}路灯成片不亮',
    description: '{road}一段路灯连续多晚不亮，夜间行人通行不便。',
    departments: ['gongdian', 'chengguan'],
    whistles: KEY_WORK,
    resolutions: ['更换故障灯具14盏，线路已修复', '供电线路检修完成，路灯恢复正常'],
  },
  // 环境污染
  {
    category: 'environment',
    title: '{road}餐饮油烟扰民',
    description: '{road}底商餐馆油烟直排，楼上住户无法开窗，投诉多次。',
    departments: ['chengguan', 'shichang'],
    whistles: ENFORCEMENT,
    misroute: { departmentCode: 'shengtai', reason: '餐饮油烟属城管部门执法范畴，请城管局牵头处置' },
    resolutions: ['责令加装油烟净化器并已验收', '对拒不整改的餐馆立案处罚，净化设施已安装'],
  },
  {
    category: 'environment',
    title: '{spot}河道漂浮物及异味',
    description: '{spot}附近河面漂浮垃圾较多，夏季异味明显。',
    departments: ['shengtai', 'shuiwu'],
    whistles: KEY_WORK,
    resolutions: ['打捞漂浮物约2吨，排查并封堵排污口1处', '已落实河道保洁长效机制'],
  },
  {
    category: 'environment',
    title: '{road}工地扬尘',
    description: '{road}在建工地裸土未覆盖，车辆带泥上路，扬尘严重。',
    departments: ['shengtai', 'chengguan', 'jianshe'],
    whistles: ENFORCEMENT,
    video: true,
    resolutions: ['裸土已全部覆盖，工地出入口增设冲洗设备', '对施工单位立案处罚并约谈项目负责人'],
  },
  {
    category: 'environment',
    title: '{road}汽修店露天喷漆',
    description: '{road}一家汽修店在店外露天喷漆，刺激性气味明显。',
    departments: ['shengtai', 'chengguan'],
    whistles: ENFORCEMENT,
    resolutions: ['责令停止露天喷漆作业，已拆除违规喷漆设备', '汽修店已搬入封闭烤漆房作业'],
  },
  // 噪声扰民
  {
    category: 'noise',
    title: '{road}工地夜间施工噪声',
    description: '{road}工地夜间22点后仍在施工，噪声严重影响周边居民休息。',
    departments: ['shengtai', 'chengguan', 'jianshe'],
    whistles: ENFORCEMENT,
    misroute: { departmentCode: 'gongan', reason: '建筑施工噪声属生态环境部门执法范畴，请生态环境局处置' },
    resolutions: ['责令夜间停止施工并立案处罚', '约谈施工单位，夜间施工已停止'],
  },
  {
    category: 'noise',
    title: '{estate}广场舞噪声扰民',
    description: '{estate}广场舞音响音量过大，持续至晚间九点后。',
    departments: ['gongan', 'wenlv'],
    whistles: ENFORCEMENT,
    resolutions: ['与舞队协商调低音量、缩短时间，已签订文明公约', '社区配置定向音响，噪声明显降低'],
  },
  {
    category: 'noise',
    title: '{spot}酒吧夜间噪声',
    description: '{spot}一家酒吧凌晨仍有驻唱，低音炮扰民。',
    departments: ['gongan', 'shengtai', 'wenlv'],
    whistles: ENFORCEMENT,
    resolutions: ['责令酒吧加装隔音设施，22点后停止外放', '文旅部门约谈经营者，噪声已达标'],
  },
  {
    category: 'noise',
    title: '{road}商铺高音喇叭揽客',
    description: '{road}多家商铺门口用高音喇叭循环播放促销广告。',
    departments: ['chengguan', 'shichang'],
    whistles: ENFORCEMENT,
    resolutions: ['已劝导商户撤除喇叭11个', '对屡教不改的商户依法处罚'],
  },
  // 市容环卫
  {
    category: 'sanitation',
    title: '{road}垃圾满溢未清运',
    description: '{road}垃圾桶满溢两天未清运，周边异味明显。',
    departments: ['huanwei', 'chengguan'],
    whistles: ENFORCEMENT,
    video: true,
    misroute: { departmentCode: 'yuanlin', reason: '垃圾清运属环卫职责，请环卫所处置' },
    resolutions: ['已清运垃圾并对桶点消杀，增加清运频次', '调整清运线路，垃圾做到日产日清'],
  },
  {
    category: 'sanitation',
    title: '{road}建筑垃圾乱倒',
    description: '夜间有车辆在{road}路边偷倒装修垃圾，堆积如山。',
    departments: ['chengguan', 'huanwei'],
    whistles: ENFORCEMENT,
    video: true,
    resolutions: ['清运建筑垃圾约15吨，调取监控锁定偷倒车辆并处罚', '增设监控与围挡，已无新增偷倒'],
  },
  {
    category: 'sanitation',
    title: '{spot}公厕卫生差',
    description: '{spot}公厕保洁不及时，地面湿滑、异味大，游客投诉。',
    departments: ['huanwei', 'wenlv'],
    whistles: KEY_WORK,
    resolutions: ['公厕已增派专职保洁，实行每小时巡检', '更换损坏洁具并加装除臭设备'],
  },
  {
    category: 'sanitation',
    title: '{estate}垃圾分类投放点脏乱',
    description: '{estate}垃圾分类投放点混投严重，桶边堆放大件垃圾。',
    departments: ['huanwei', 'chengguan'],
    whistles: KEY_WORK,
    resolutions: ['清理大件垃圾，安排督导员定时值守', '投放点完成改造，混投明显减少'],
  },
  // 市场秩序
  {
    category: 'market_order',
    title: '{spot}无证导游拉客',
    description: '{spot}有无证人员以低价游船为名拉客，强迫游客消费。',
    departments: ['shichang', 'wenlv', 'gongan'],
    whistles: ENFORCEMENT,
    resolutions: ['联合查处无证导游4人，公布正规售票点', '设置游客服务岗，拉客现象已遏制'],
  },
  {
    category: 'market_order',
    title: '{road}预付卡商家关门跑路',
    description: '{road}一家健身房突然关门，数十名会员预付卡无法退费。',
    departments: ['shichang', 'shangwu', 'gongan'],
    whistles: MOSTLY_KEY_WORK,
    tough: true,
    resolutions: [
      '已登记会员诉求，协调接盘商家承接剩余课程',
      '公安已立案侦查，市场监管部门启动预付卡专项检查',
    ],
  },
  {
    category: 'market_order',
    title: '{road}药店违规刷医保卡',
    description: '群众举报{road}一家药店用医保卡购买日用品。',
    departments: ['shichang', 'yibao'],
    whistles: ENFORCEMENT,
    resolutions: ['医保局暂停该药店医保结算资格并追回违规费用', '联合检查后药店已整改，纳入重点监管'],
  },
  {
    category: 'market_order',
    title: '{spot}缺斤短两',
    description: '多名居民反映{spot}部分摊位电子秤不准。',
    departments: ['shichang'],
    whistles: ENFORCEMENT,
    resolutions: ['抽检电子秤32台，查处作弊秤3台', '市场设置公平秤并公示投诉电话'],
  },
  // 食品安全
  {
    category: 'food_safety',
    title: '{road}无证小作坊加工食品',
    description: '{road}居民楼内有人无证加工卤菜并对外销售，卫生条件差。',
    departments: ['shichang', 'weijian'],
    whistles: ENFORCEMENT,
    resolutions: ['取缔无证作坊，查扣原料及成品一批', '对经营者立案处罚，已停止加工'],
  },
  {
    category: 'food_safety',
    title: '{road}餐馆后厨卫生问题',
    description: '顾客反映{road}一家餐馆后厨有老鼠出没，食材随地堆放。',
    departments: ['shichang', 'weijian'],
    whistles: ENFORCEMENT,
    resolutions: ['责令停业整改并完成消杀，复查合格后恢复营业', '餐馆已落实明厨亮灶'],
  },
  {
    category: 'food_safety',
    title: '{spot}周边小店售卖过期食品',
    description: '家长反映{spot}周边小卖部售卖过期零食。',
    departments: ['shichang', 'jiaoyu'],
    whistles: ENFORCEMENT,
    resolutions: ['下架过期食品并处罚', '开展校园周边食品安全专项检查'],
  },
  // 交通停车
  {
    category: 'traffic_parking',
    title: '{road}机动车乱停放',
    description: '{road}机动车长期违停占用非机动车道，早晚高峰拥堵。',
    departments: ['jiaojing'],
    whistles: ENFORCEMENT,
    video: true,
    misroute: { departmentCode: 'chengguan', reason: '机动车违停属交警部门执法范畴，请交警大队处置' },
    resolutions: ['开具违停告知单21张，增设禁停标志', '纳入电子警察抓拍点位，违停明显减少'],
  },
  {
    category: 'traffic_parking',
    title: '{road}共享单车堆积',
    description: '{road}地铁口共享单车大量堆积，占用人行道和盲道。',
    departments: ['chengguan', 'jiaojing'],
    whistles: ENFORCEMENT,
    video: true,
    resolutions: ['约谈运营企业清运单车300余辆，施划停放区', '运营企业增派调度员，早晚高峰定点值守'],
  },
  {
    category: 'traffic_parking',
    title: '{spot}接送车辆拥堵',
    description: '上下学时段{spot}接送车辆乱停，道路严重拥堵。',
    departments: ['jiaojing', 'jiaoyu'],
    whistles: KEY_WORK,
    resolutions: ['设置限时停车接送区，交警高峰时段驻点疏导', '学校错峰放学，拥堵明显缓解'],
  },
  {
    category: 'traffic_parking',
    title: '{road}停车诱导屏数据错误',
    description: '{road}智慧停车诱导屏显示空位与实际不符，车辆绕行排队。',
    departments: ['jiaojing', 'shuju'],
    whistles: KEY_WORK,
    resolutions: ['修复停车场数据接口，诱导屏数据恢复准确', '数据局完成系统升级并接入实时泊位数据'],
  },
  // 道路设施
  {
    category: 'road_facilities',
    title: '{road}井盖破损',
    description: '{road}人行道井盖破损塌陷，已有行人绊倒。',
    departments: ['jianshe', 'chengjian'],
    whistles: [
      ['emergency', 1],
      ['enforcement', 2],
    ],
    misroute: { departmentCode: 'chengguan', reason: '该井盖产权属管线单位，请建设局协调产权单位更换' },
    resolutions: ['已设置围挡警示并更换防坠井盖', '协调产权单位完成井盖及井圈更换'],
  },
  {
    category: 'road_facilities',
    title: '{road}人行道地砖松动',
    description: '{road}人行道大面积地砖松动，雨天踩踏溅水。',
    departments: ['jianshe', 'chengguan'],
    whistles: KEY_WORK,
    resolutions: ['翻修人行道约120平方米', '松动地砖已全部重新铺设'],
  },
  {
    category: 'road_facilities',
    title: '{road}道路开挖后未恢复',
    description: '{road}管线施工结束后路面未恢复，坑洼不平，夜间存在安全隐患。',
    departments: ['jianshe', 'chengjian'],
    whistles: KEY_WORK,
    resolutions: ['督促施工单位完成路面修复并验收', '已恢复沥青路面并补划标线'],
  },
  // 园林绿化
  {
    category: 'greenery',
    title: '{road}行道树倒伏',
    description: '大风过后{road}一棵行道树倒伏，压住路边车辆并阻断车道。',
    departments: ['yuanlin', 'chengguan'],
    whistles: EMERGENCY,
    urgent: true,
    resolutions: ['倒伏树木已切割清运，道路恢复通行', '补种同规格行道树一株'],
  },
  {
    category: 'greenery',
    title: '{estate}绿地被毁种菜',
    description: '{estate}公共绿地被部分居民开垦种菜，还有人泼洒粪肥。',
    departments: ['yuanlin', 'chengguan'],
    whistles: KEY_WORK,
    resolutions: ['清除菜地约80平方米并复绿', '社区开展宣传，签订爱绿护绿承诺'],
  },
  {
    category: 'greenery',
    title: '{road}行道树遮挡信号灯',
    description: '{road}路口行道树枝叶遮挡交通信号灯。',
    departments: ['yuanlin', 'jiaojing'],
    whistles: KEY_WORK,
    misroute: { departmentCode: 'chengguan', reason: '行道树修剪属园林部门职责，请园林局处置' },
    resolutions: ['已修剪遮挡枝叶，信号灯视线恢复', '路口树木完成整形修剪'],
  },
  // 物业管理
  {
    category: 'property_management',
    title: '{estate}屋顶漏水',
    description: '{estate}顶楼住户家中屋顶漏水，物业推诿不予维修。',
    departments: ['fangchan', 'zhujian'],
    whistles: KEY_WORK,
    misroute: {
      departmentCode: 'chengguan',
      reason: '该问题属物业维修范畴，非我局职责，请房产局督促物业处理',
    },
    resolutions: ['督促物业启用维修资金完成屋面防水', '屋顶防水层已重做，雨后复查无渗漏'],
  },
  {
    category: 'property_management',
    title: '{estate}电梯频繁故障',
    description: '{estate}电梯一周内多次停运，曾有居民被困。',
    departments: ['fangchan', 'shichang'],
    whistles: MOSTLY_KEY_WORK,
    resolutions: ['特种设备检验合格，更换主板及钢丝绳', '责令维保单位整改并加密维保频次'],
  },
  {
    category: 'property_management',
    title: '{estate}物业弃管',
    description: '{estate}原物业公司撤场，垃圾无人清运、门禁损坏，居民意见大。',
    departments: ['fangchan', 'zhujian', 'minzheng'],
    whistles: MOSTLY_KEY_WORK,
    tough: true,
    resolutions: ['引入过渡期物业，成立业主委员会筹备组', '社区托管物业服务，环境卫生已恢复'],
  },
  {
    category: 'property_management',
    title: '{estate}独居老人房屋漏水',
    description: '{estate}一位独居老人家中水管漏水，老人行动不便无人照料。',
    departments: ['fangchan', 'minzheng'],
    whistles: KEY_WORK,
    resolutions: ['水管已维修，社区落实每周探访', '纳入特殊困难老人关爱名单'],
  },
  // 治安隐患
  {
    category: 'public_security',
    title: '{road}路口监控探头损坏',
    description: '{road}路口治安监控探头损坏多日，夜间发生过电动车被盗。',
    departments: ['gongan', 'shuju'],
    whistles: KEY_WORK,
    resolutions: ['更换监控探头并接入雪亮工程平台', '数据局完成点位修复与联网测试'],
  },
  {
    category: 'public_security',
    title: '{estate}群租房人员混杂',
    description: '{estate}一套住房被隔成八间出租，人员进出频繁。',
    departments: ['gongan', 'fangchan'],
    whistles: ENFORCEMENT,
    resolutions: ['责令房东拆除隔断，租住人员完成登记', '纳入出租房屋重点管理'],
  },
  {
    category: 'public_security',
    title: '{spot}流浪人员露宿',
    description: '{spot}附近有流浪人员长期露宿，天气转冷存在安全风险。',
    departments: ['gongan', 'minzheng'],
    whistles: KEY_WORK,
    resolutions: ['已护送至救助站，联系家属接回', '救助站提供临时住宿及返乡车票'],
  },
  // 安全生产
  {
    category: 'safety_production',
    title: '{road}餐馆违规使用液化气罐',
    description: '{road}一家餐馆在地下室使用多个液化气钢瓶。',
    departments: ['yingji', 'xiaofang', 'ranqi'],
    whistles: ENFORCEMENT,
    resolutions: ['收缴液化气钢瓶5只，督促改用管道燃气', '责令停业整改，复查合格'],
  },
  {
    category: 'safety_production',
    title: '{spot}仓库违规储存易燃物',
    description: '{spot}一处仓库违规储存油漆、稀释剂等易燃物。',
    departments: ['yingji', 'xiaofang'],
    whistles: MOSTLY_ENFORCEMENT,
    resolutions: ['易燃物已转移至合规仓储，立案处罚', '仓库完成消防整改并加装喷淋'],
  },
  {
    category: 'safety_production',
    title: '{road}广告牌松动有坠落风险',
    description: '{road}一处楼顶广告牌支架锈蚀松动，大风天晃动明显。',
    departments: ['yingji', 'chengguan'],
    whistles: EMERGENCY,
    urgent: true,
    resolutions: ['拉设警戒线并连夜拆除广告牌', '责令业主完成支架检测加固'],
  },
  // 排水防汛
  {
    category: 'drainage',
    title: '{road}暴雨后积水',
    description: '暴雨过后{road}低洼路段积水没过脚踝，车辆熄火。',
    departments: ['shuiwu', 'yingji', 'chengjian'],
    whistles: EMERGENCY,
    urgent: true,
    resolutions: ['调派移动泵车强排，积水已退', '疏通雨水管网并清掏检查井'],
  },
  {
    category: 'drainage',
    title: '{estate}化粪池堵塞外溢',
    description: '{estate}化粪池堵塞，污水外溢至路面，臭味严重。',
    departments: ['shuiwu', 'fangchan'],
    whistles: KEY_WORK,
    misroute: { departmentCode: 'huanwei', reason: '化粪池及排水管网堵塞属水务部门职责，请水务局处置' },
    resolutions: ['已清掏化粪池并疏通管道', '路面冲洗消杀完毕'],
  },
  {
    category: 'drainage',
    title: '{road}雨水篦子堵塞',
    description: '{road}多处雨水篦子被垃圾堵塞，下雨即积水。',
    departments: ['shuiwu', 'chengguan'],
    whistles: KEY_WORK,
    resolutions: ['清理雨水篦子26处', '更换破损篦子并纳入汛前排查'],
  },
  {
    category: 'drainage',
    title: '{estate}老旧小区长期积水点',
    description: '{estate}地势低洼，每逢大雨必积水，多年未根治。',
    departments: ['shuiwu', 'zhujian', 'chengjian'],
    whistles: KEY_WORK,
    tough: true,
    resolutions: ['完成雨污分流改造并新增排水泵站', '改造排水管网，雨季复查无积水'],
  },
  // 劳动纠纷
  {
    category: 'labor_dispute',
    title: '{spot}工地农民工讨薪',
    description: '{spot}附近工地二十余名农民工聚集讨要工资。',
    departments: ['renshe', 'xinfang', 'gongan'],
    whistles: MOSTLY_KEY_WORK,
    tough: true,
    misroute: {
      departmentCode: 'shichang',
      reason: '欠薪问题请人社局劳动监察大队处理，我局不具备相应职权',
    },
    resolutions: ['督促总包单位垫付工资，已全部发放到位', '劳动监察立案，欠薪已清偿'],
  },
  {
    category: 'labor_dispute',
    title: '{road}餐饮店拖欠员工工资',
    description: '{road}一家餐饮店歇业，拖欠多名员工两个月工资。',
    departments: ['renshe', 'sifa'],
    whistles: KEY_WORK,
    resolutions: ['调解达成还款协议，首期工资已支付', '司法所提供法律援助，员工已申请仲裁'],
  },
  {
    category: 'labor_dispute',
    title: '{estate}装修公司拖欠工人工资',
    description: '{estate}一处装修工程完工后，装修公司拖欠工人工资。',
    departments: ['renshe'],
    whistles: KEY_WORK,
    resolutions: ['约谈装修公司负责人，工资已结清', '劳动监察下达限期支付令，已履行'],
  },
  // 其他
  {
    category: 'other',
    title: '{estate}拆迁安置问题反复来访',
    description: '{estate}部分居民多次来访反映拆迁安置房交付延期。',
    departments: ['xinfang', 'fangchan'],
    whistles: MOSTLY_KEY_WORK,
    tough: true,
    resolutions: ['召开协调会明确交付时间表，居民已签字认可', '信访事项办结，安置房已交付'],
  },
  {
    category: 'other',
    title: '{estate}退役军人优抚诉求',
    description: '{estate}一位退役军人反映优抚金未按时发放。',
    departments: ['tuiyi', 'minzheng'],
    whistles: KEY_WORK,
    resolutions: ['核实后已补发优抚金', '退役军人服务站上门解释政策并建档'],
  },
  {
    category: 'other',
    title: '{estate}申请加装充电桩',
    description: '{estate}居民联名申请在小区内建设公共充电桩。',
    departments: ['fagai', 'gongdian'],
    whistles: KEY_WORK,
    resolutions: ['纳入年度充电设施建设计划，已完成选址', '建成充电桩12个并投入使用'],
  },
  {
    category: 'other',
    title: '{estate}困难家庭医疗救助申请',
    description: '{estate}一户困难家庭因病致贫，申请临时救助及医保帮扶。',
    departments: ['minzheng', 'yibao'],
    whistles: KEY_WORK,
    resolutions: ['已发放临时救助金并落实医疗救助', '纳入低保边缘家庭，医保报销比例提高'],
  },
];

/** How often each category comes up in the demo streets (a typical urban street's mix). */
const CATEGORY_WEIGHTS: Readonly<Record<CategoryCode, number>> = {
  illegal_construction: 9,
  street_vending: 12,
  fire_hazard: 6,
  gas_leak: 3,
  water_supply: 4,
  power_outage: 3,
  environment: 6,
  noise: 8,
  sanitation: 12,
  market_order: 5,
  food_safety: 4,
  traffic_parking: 9,
  road_facilities: 6,
  greenery: 4,
  property_management: 8,
  public_security: 4,
  safety_production: 3,
  drainage: 5,
  labor_dispute: 3,
  other: 4,
};

function scenariosOf(category: CategoryCode): Scenario[] {
  return SCENARIOS.filter((s) => s.category === category);
}

/** A matter as the demo streets meet them: a category by its share, then one of its scenarios. */
export function pickScenario(random: Random): Scenario {
  return pick(
    random,
    scenariosOf(
      weighted(
        random,
        CATEGORY_CODES.map((c) => [c, CATEGORY_WEIGHTS[c]] as const),
      ),
    ),
  );
}

/** Every way departments report a fix of this category (for a matter no scenario is known for). */
export function resolutionsOf(category: string): readonly string[] {
  return SCENARIOS.filter((s) => s.category === category).flatMap((s) => s.resolutions);
}
