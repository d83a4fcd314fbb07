/** Texts of one area of the dashboard, kept apart so each area's texts change in one file. */
export const opsZh = {
  title: '操作',
};

export const opsEn: typeof opsZh = {
  title: 'Operations',
};
