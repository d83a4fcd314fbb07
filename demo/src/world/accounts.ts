/**
 * The demo accounts' names, as the seed creates them and the simulator and benchmarks sign in.
 * Every one of them signs in with the published demo password: never on a real deployment.
 */
export const DEMO_PASSWORD = 'whistle123';

export const ADMIN_ACCOUNT = 'admin';
export const DISTRICT_OPERATOR_ACCOUNT = 'district.operator';

/**
 * District leaders and their streets: every street has one. `district.leader` holds Fuzimiao and
 * Shuangtang, the two streets the demo walks through.
 */
export const DISTRICT_LEADERS: readonly {
  username: string;
  displayName: string;
  streets: readonly string[];
}[] = [
  { username: 'district.leader', displayName: '周立新（副区长）', streets: ['fuzimiao', 'shuangtang'] },
  {
    username: 'district.leader2',
    displayName: '陈卫东（副区长）',
    streets: ['zhonghuamen', 'chaotiangong', 'wulaocun', 'hongwulu'],
  },
  {
    username: 'district.leader3',
    displayName: '刘静怡（副区长）',
    streets: ['daguanglu', 'ruijinlu', 'yueyahu'],
  },
  {
    username: 'district.leader4',
    displayName: '孙海涛（区委常委）',
    streets: ['guanghualu', 'honghua', 'qinhong'],
  },
];

/** Grid workers per street: grid.<street>.01 … */
export const GRID_WORKERS_PER_STREET = 4;

/** A street command centre's account. */
export function streetAccount(streetCode: string): string {
  return `street.${streetCode}`;
}

/** A department duty officer's account. */
export function departmentAccount(departmentCode: string): string {
  return `dept.${departmentCode}`;
}

/** The n-th grid worker of a street (n from 1). */
export function gridWorkerAccount(streetCode: string, n: number): string {
  return `grid.${streetCode}.${String(n).padStart(2, '0')}`;
}

/** The Open311 API key the README gives out, so an Open311 client can try the demo at once. */
export const DEMO_OPEN311_KEY = 'demo-open311-key';
