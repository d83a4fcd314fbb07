import { pick, type Random } from './random';

/**
 * Roads, estates and landmarks of each Qinhuai street, for incident titles ("来凤街占道经营",
 * "瑞金新村燃气异味"). Demo-grade: real names of the area, not surveyed addresses.
 */
export interface StreetPlaces {
  roads: readonly string[];
  estates: readonly string[];
  spots: readonly string[];
}

export const STREET_PLACES: Readonly<Record<string, StreetPlaces>> = {
  fuzimiao: {
    roads: ['贡院街', '平江府路', '瞻园路', '大石坝街', '琵琶巷', '长乐路', '建康路', '乌衣巷'],
    estates: ['钞库街小区', '金沙井小区', '大油坊巷小区', '文德里小区'],
    spots: ['夫子庙步行街', '白鹭洲公园东门', '秦淮河东水关段', '贡院西街商圈'],
  },
  wulaocun: {
    roads: ['太平南路', '户部街', '文思巷', '科巷', '常府街', '火瓦巷'],
    estates: ['五老村小区', '户部街小区', '常府街小区', '科巷新寓'],
    spots: ['科巷菜场', '太平南路商业街', '常府街地铁站口'],
  },
  hongwulu: {
    roads: ['洪武路', '白下路', '延龄巷', '游府西街', '淮海路', '火瓦巷西段'],
    estates: ['张府园小区', '延龄巷小区', '白下路小区', '洪武新村'],
    spots: ['张府园地铁站口', '洪武路菜场', '白下路沿河绿带'],
  },
  daguanglu: {
    roads: ['大光路', '御道街', '石门坎', '海福巷', '后标营', '光华门路'],
    estates: ['石门坎小区', '海福巷小区', '御道街小区', '大光路小区'],
    spots: ['光华门地铁站口', '大光路农贸市场', '明城墙光华门段'],
  },
  ruijinlu: {
    roads: ['瑞金路', '解放路', '中山东路', '明故宫路', '龙蟠中路'],
    estates: ['瑞金新村', '瑞金北村', '解放路小区', '四方新村'],
    spots: ['瑞金路农贸市场', '明故宫地铁站口', '瑞金路小学门口'],
  },
  yueyahu: {
    roads: ['苜蓿园大街', '友谊河路', '月安街', '中山门大街', '标营路'],
    estates: ['月牙湖花园', '月苑小区', '仙鹤苑', '钟山花园城'],
    spots: ['月牙湖公园', '月牙湖菜场', '友谊河沿线'],
  },
  guanghualu: {
    roads: ['光华路', '石杨路', '光华东街', '大明路', '永丰大道'],
    estates: ['光华园', '石杨路小区', '光华东街小区', '蓝旗新村'],
    spots: ['光华路农贸市场', '石杨路公交站', '光华路科技园'],
  },
  zhonghuamen: {
    roads: ['中华路', '雨花路', '长干街', '剪子巷', '钓鱼台', '箍桶巷'],
    estates: ['剪子巷小区', '长干里小区', '雨花新村', '钓鱼台小区'],
    spots: ['中华门城堡', '长干桥', '雨花路夜市'],
  },
  shuangtang: {
    roads: ['来凤街', '信府河', '饮马巷', '鸣羊街', '张家衙', '集庆路', '边营'],
    estates: ['双塘园小区', '来凤小区', '鸣羊里', '信府河小区'],
    spots: ['小西湖历史街区', '集庆路农贸市场', '双塘菜场'],
  },
  honghua: {
    roads: ['宏运大道', '卡子门大街', '双麒路', '红花路', '机场二路'],
    estates: ['汇景家园', '卡子门小区', '红花新村', '凤凰和睦人居'],
    spots: ['七桥瓮湿地公园', '卡子门广场', '宏运大道物流园'],
  },
  qinhong: {
    roads: ['秦虹路', '宁南大道', '应天大街', '扇骨里路', '中山南路'],
    estates: ['秦虹小区', '扇骨里小区', '秦虹新寓', '西街小区'],
    spots: ['秦虹农贸市场', '宁南大道高架桥下', '秦虹路小学门口'],
  },
  chaotiangong: {
    roads: ['莫愁路', '建邺路', '王府大街', '堂子街', '仓巷', '丰富路'],
    estates: ['仓巷小区', '堂子街小区', '鼎新路小区', '王府园小区'],
    spots: ['朝天宫广场', '莫愁路天主堂门前', '建邺路古玩市场'],
  },
};

/** For a street the demo does not know (one an administrator added or imported): generic places. */
const GENERIC_PLACES: StreetPlaces = {
  roads: ['辖区主干道', '背街小巷'],
  estates: ['老旧小区', '安置小区'],
  spots: ['沿街商铺', '农贸市场'],
};

export function placesOf(streetCode: string): StreetPlaces {
  return STREET_PLACES[streetCode] ?? GENERIC_PLACES;
}

/** A title and description with {road}, {estate} and {spot} filled from the street's places. */
export interface PlaceTexts {
  title: string;
  description: string;
}

/** Fills {road}, {estate} and {spot}: one place of each kind per matter, drawn in that order. */
export function fillPlaces(random: Random, places: StreetPlaces, template: PlaceTexts): PlaceTexts {
  const fill: Record<string, string> = {
    road: pick(random, places.roads),
    estate: pick(random, places.estates),
    spot: pick(random, places.spots),
  };
  const render = (text: string) => text.replace(/\{(road|estate|spot)\}/g, (_m, k: string) => fill[k] ?? '');
  return { title: render(template.title), description: render(template.description) };
}
