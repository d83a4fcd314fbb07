/** Texts of one area of the dashboard, kept apart so each area's texts change in one file. */
export const commandZh = {
  title: '区指挥中心工作台',
};

export const commandEn: typeof commandZh = {
  title: 'District command desk',
};
