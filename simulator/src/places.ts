/**
 * Roads, estates and landmarks of each Qinhuai street, for incident titles ("来凤街占道经营").
 * Demo-grade: real names of the area, not surveyed addresses.
 */
export const STREET_PLACES: Readonly<Record<string, readonly string[]>> = {
  fuzimiao: [
    '贡院街',
    '平江府路',
    '瞻园路',
    '琵琶巷',
    '长乐路',
    '钞库街小区',
    '金沙井小区',
    '夫子庙步行街',
    '白鹭洲公园东门',
  ],
  wulaocun: ['太平南路', '户部街', '文思巷', '科巷', '常府街', '五老村小区', '科巷新寓', '科巷菜场'],
  hongwulu: ['洪武路', '白下路', '延龄巷', '游府西街', '张府园小区', '洪武新村', '张府园地铁站口'],
  daguanglu: ['大光路', '御道街', '石门坎', '海福巷', '后标营', '石门坎小区', '大光路农贸市场'],
  ruijinlu: ['瑞金路', '解放路', '中山东路', '明故宫路', '瑞金新村', '瑞金北村', '瑞金路农贸市场'],
  yueyahu: ['苜蓿园大街', '友谊河路', '月安街', '标营路', '月牙湖花园', '仙鹤苑', '月牙湖菜场'],
  guanghualu: ['光华路', '石杨路', '光华东街', '大明路', '光华园', '蓝旗新村', '光华路农贸市场'],
  zhonghuamen: ['中华路', '雨花路', '长干街', '剪子巷', '钓鱼台', '长干里小区', '雨花路夜市'],
  shuangtang: ['来凤街', '信府河', '饮马巷', '鸣羊街', '集庆路', '双塘园小区', '小西湖历史街区'],
  honghua: ['宏运大道', '卡子门大街', '双麒路', '红花路', '汇景家园', '红花新村', '卡子门广场'],
  qinhong: ['秦虹路', '宁南大道', '应天大街', '扇骨里路', '秦虹小区', '扇骨里小区', '秦虹农贸市场'],
  chaotiangong: ['莫愁路', '建邺路', '王府大街', '堂子街', '仓巷', '仓巷小区', '朝天宫广场'],
};

export const FALLBACK_PLACES: readonly string[] = ['辖区主干道', '老旧小区', '沿街商铺'];
