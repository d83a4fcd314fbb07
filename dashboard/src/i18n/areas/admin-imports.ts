/** Texts of one area of the dashboard, kept apart so each area's texts change in one file. */
export const adminImportsZh = {
  title: '导入',
};

export const adminImportsEn: typeof adminImportsZh = {
  title: 'Imports',
};
