/** Texts of one area of the dashboard, kept apart so each area's texts change in one file. */
export const wallPlusZh = {
  title: '指挥大屏',
};

export const wallPlusEn: typeof wallPlusZh = {
  title: 'Wall screen',
};
