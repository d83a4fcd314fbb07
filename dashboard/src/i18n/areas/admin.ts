/** Texts of the admin console 系统管理 (one area, so its texts change in one file). */
export const adminZh = {
  title: '系统管理',
  sectionFailed: '该栏目加载失败，请刷新重试。',
  sections: {
    users: '用户与权限',
    departments: '部门',
    boundaries: '街道 · 社区 · 网格',
    admission: '准入清单',
    'timer-rules': '时限规则',
    'open311-keys': 'Open311 密钥',
    'hotline-import': '12345 工单导入',
    audit: '审计日志',
  },
};

export const adminEn: typeof adminZh = {
  title: 'Administration',
  sectionFailed: 'This section failed to load; reload to try again.',
  sections: {
    users: 'Users and scopes',
    departments: 'Departments',
    boundaries: 'Streets · communities · grids',
    admission: 'Admission lists',
    'timer-rules': 'Timer rules',
    'open311-keys': 'Open311 keys',
    'hotline-import': '12345 import',
    audit: 'Audit log',
  },
};
