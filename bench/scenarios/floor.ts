import type { Profile } from '../lib/profile';
import type { MeasuredRow } from '../lib/result';
import { REDIS_URL, RunningProcess, type BenchDatabase } from '../lib/server';
import { measureDispatch } from './dispatch-load';

const FLOOR_PORT = Number(process.env.BENCH_FLOOR_PORT ?? 3918);

/** The bare socket.io server of floor/server.ts, on the bench database and Redis. */
export function startFloor(database: BenchDatabase): Promise<RunningProcess> {
  return RunningProcess.start(
    require.resolve('../floor/server.js'),
    { DATABASE_URL: database.url, REDIS_URL, REDIS_PREFIX: database.name },
    FLOOR_PORT,
    '/health',
  );
}

/** Scenario 5: the dispatch scenario's load against the bare floor server (floor/server.ts). */
export async function floorScenario(
  profile: Profile['dispatch'],
  database: BenchDatabase,
): Promise<MeasuredRow> {
  const ids = database.seed.ids;
  const streetIds = Object.values(ids.streets);
  const floor = await startFloor(database);
  try {
    return await measureDispatch(
      profile,
      {
        url: floor.url,
        departmentIds: Object.values(ids.departments),
        officerAuth: (d) => ({ rooms: `dept:${d}` }),
        wallAuth: (i) => ({ rooms: i < 4 ? 'district' : `street:${streetIds[i % streetIds.length]}` }),
        request: (i, summoned) => ({
          path: '/whistles',
          token: '',
          body: { departmentIds: summoned, streetId: streetIds[i % streetIds.length] },
        }),
      },
      floor.usage,
      'floor',
    );
  } finally {
    await floor.stop();
  }
}
