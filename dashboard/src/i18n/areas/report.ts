/** Texts of one area of the dashboard, kept apart so each area's texts change in one file. */
export const reportZh = {
  title: '月度考核',
};

export const reportEn: typeof reportZh = {
  title: 'Monthly assessment',
};
