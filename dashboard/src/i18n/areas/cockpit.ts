/** Texts of one area of the dashboard, kept apart so each area's texts change in one file. */
export const cockpitZh = {
  title: '领导驾驶舱',
};

export const cockpitEn: typeof cockpitZh = {
  title: 'Cockpit',
};
