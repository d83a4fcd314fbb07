import {
  departmentAccount,
  DISTRICT_LEADERS,
  DISTRICT_OPERATOR_ACCOUNT,
  GRID_WORKERS_PER_STREET,
  gridWorkerAccount,
  streetAccount,
} from '@whistle/demo';
import type {
  CategoryView,
  DepartmentView,
  GridFeatureProperties,
  StreetView,
  TimerRule,
  UserView,
} from '@whistle/shared';
import { ApiClient } from './api';
import type { Rings } from './geometry';

export interface GridInfo {
  id: string;
  streetId: string;
  rings: Rings;
}

/** The district as the API describes it, loaded once at start. */
export interface World {
  streets: StreetView[];
  departments: DepartmentView[];
  categories: CategoryView[];
  gridsByStreet: Map<string, GridInfo[]>;
  gridById: Map<string, GridInfo>;
  timerRules: TimerRule[];
  /** Street id → categories on its admission list (准入清单). */
  admission: Map<string, Set<string>>;
}

/** A signed-in demo account and its REST client. */
export interface Actor {
  user: UserView;
  api: ApiClient;
}

/** Everyone the simulator plays. */
export interface Cast {
  district: Actor;
  streets: Map<string, Actor>;
  departments: Map<string, Actor>;
  leaders: Actor[];
  gridWorkers: Actor[];
}

interface GridCollection {
  features: { geometry: { coordinates: number[][][] }; properties: GridFeatureProperties }[];
}

export async function loadWorld(api: ApiClient): Promise<World> {
  const [streets, departments, categories, grids, timerRules] = await Promise.all([
    api.get<StreetView[]>('/api/streets'),
    api.get<DepartmentView[]>('/api/departments'),
    api.get<CategoryView[]>('/api/categories'),
    api.get<GridCollection>('/api/grids'),
    api.get<TimerRule[]>('/api/timer-rules'),
  ]);
  const gridsByStreet = new Map<string, GridInfo[]>();
  const gridById = new Map<string, GridInfo>();
  for (const f of grids.features) {
    const grid = { id: f.properties.id, streetId: f.properties.streetId, rings: f.geometry.coordinates };
    gridById.set(grid.id, grid);
    gridsByStreet.set(grid.streetId, [...(gridsByStreet.get(grid.streetId) ?? []), grid]);
  }
  const admission = new Map<string, Set<string>>();
  for (const s of streets) {
    const list = await api.get<{ categories: string[] }>(`/api/streets/${s.id}/admission-list`);
    admission.set(s.id, new Set(list.categories));
  }
  return { streets, departments, categories, gridsByStreet, gridById, timerRules, admission };
}

/**
 * Signs in the demo accounts, a few at a time (password hashing is deliberately slow). An account
 * that does not exist is skipped: the simulator plays whoever the seed created.
 */
export async function signIn(
  baseUrl: string,
  password: string,
  world: World,
  warn: (message: string) => void,
): Promise<Cast> {
  const login = async (username: string): Promise<Actor | null> => {
    const api = new ApiClient(baseUrl);
    try {
      const user = await api.login(username, password);
      return { user, api };
    } catch (err) {
      warn(`cannot sign in ${username}: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  };
  const district = await login(DISTRICT_OPERATOR_ACCOUNT);
  if (!district) throw new Error(`${DISTRICT_OPERATOR_ACCOUNT} cannot sign in: was the demo seed run?`);
  const usernames = [
    ...world.streets.map((s) => streetAccount(s.code)),
    ...world.departments.map((d) => departmentAccount(d.code)),
    ...DISTRICT_LEADERS.map((l) => l.username),
    ...world.streets.flatMap((s) =>
      Array.from({ length: GRID_WORKERS_PER_STREET }, (_, i) => gridWorkerAccount(s.code, i + 1)),
    ),
  ];
  const actors = await mapLimit(usernames, 8, login);
  const cast: Cast = { district, streets: new Map(), departments: new Map(), leaders: [], gridWorkers: [] };
  for (const actor of actors) {
    if (!actor) continue;
    const { user } = actor;
    if (user.role === 'street_operator' && user.streetId) cast.streets.set(user.streetId, actor);
    else if (user.role === 'dept_officer' && user.departmentId)
      cast.departments.set(user.departmentId, actor);
    else if (user.role === 'district_leader') cast.leaders.push(actor);
    else if (user.role === 'grid_worker' && user.gridIds.length > 0) cast.gridWorkers.push(actor);
  }
  return cast;
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      const item = items[i];
      if (item !== undefined) results[i] = await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
