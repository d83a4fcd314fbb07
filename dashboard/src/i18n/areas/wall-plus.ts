/** Texts of one area of the dashboard, kept apart so each area's texts change in one file. */
export const wallPlusZh = {
  title: '指挥大屏',
  kpi: {
    openWhistles: '在办吹哨',
    satisfaction: '群众满意率',
    /** How the 满意率 is made, under its figure. */
    satisfactionFormula: '本月 (满意+基本满意)/回访 {{answered}} 件',
  },
  ranking: {
    title: '部门排名',
    empty: '暂无排名',
    score: '{{score}} 分',
  },
  fullscreen: {
    enter: '全屏',
    enterTitle: '全屏显示大屏（Esc 退出）',
  },
  whistleLegend: '吹哨 · 闪烁表示有部门未报到',
};

export const wallPlusEn: typeof wallPlusZh = {
  title: 'Wall screen',
  kpi: {
    openWhistles: 'Open whistles',
    satisfaction: 'Citizen satisfaction',
    satisfactionFormula: 'This month: (satisfied + basically) / {{answered}} answered',
  },
  ranking: {
    title: 'Department ranking',
    empty: 'No ranking yet',
    score: '{{score}}',
  },
  fullscreen: {
    enter: 'Full screen',
    enterTitle: 'Show the wall full screen (Esc to leave)',
  },
  whistleLegend: 'Whistle · pulsing: a department not yet arrived',
};
