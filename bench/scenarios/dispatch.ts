import type { Profile } from '../lib/profile';
import type { MeasuredRow } from '../lib/result';
import type { BenchDatabase, RunningProcess } from '../lib/server';
import { gridPerStreet, insertRegisteredIncidents, login } from '../lib/world';
import { measureDispatch, type DispatchTarget } from './dispatch-load';

/** Scenario 1: whistles on registered incidents, to officers' sockets, through the whole server. */
export async function dispatchScenario(
  profile: Profile['dispatch'],
  database: BenchDatabase,
  server: RunningProcess,
): Promise<MeasuredRow> {
  const grids = [...(await gridPerStreet(database)).values()];
  const incidents = await insertRegisteredIncidents(
    database,
    grids,
    Math.round(profile.rate * (profile.warmupSeconds + profile.seconds)),
  );
  return measureDispatch(
    profile,
    await whistleTarget(server.url, database, incidents),
    server.usage,
    'dispatch',
  );
}

/**
 * Whistle as the dispatch load's target at `url`: each department's duty officers and the wall
 * screens signed in as the demo accounts; whistle i is blown on `incidents[i]` by its street's
 * operator (the caller may append incidents between runs).
 */
export async function whistleTarget(
  url: string,
  database: BenchDatabase,
  incidents: readonly { id: string; streetId: string }[],
): Promise<DispatchTarget> {
  const ids = database.seed.ids;
  const accounts = [
    ...Object.entries(ids.departments).map(([code, id]) => ({ id, username: `dept.${code}` })),
    ...Object.entries(ids.streets).map(([code, id]) => ({ id, username: `street.${code}` })),
    { id: 'district', username: 'district.operator' },
  ];
  // Each sign-in is a scrypt of ~0.3 s of a core on the server's thread pool (4 threads): a few at
  // a time keep both cores busy without queueing any long enough for nginx to time it out.
  const tokens = new Map<string, string>();
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < accounts.length) {
        const { id, username } = accounts[next++];
        tokens.set(id, await login(url, username));
      }
    }),
  );
  const deptTokens = new Map(Object.values(ids.departments).map((id) => [id, tokens.get(id)!]));
  const streetTokens = new Map(Object.values(ids.streets).map((id) => [id, tokens.get(id)!]));
  const districtToken = tokens.get('district')!;
  const streetIds = [...streetTokens.keys()];
  return {
    url,
    departmentIds: Object.values(ids.departments),
    officerAuth: (d) => ({ token: deptTokens.get(d)! }),
    // A few district wall screens; the rest are streets' own wall screens.
    wallAuth: (i) => ({
      token: i < 4 ? districtToken : streetTokens.get(streetIds[i % streetIds.length])!,
    }),
    request: (i, summoned) => {
      const incident = incidents[i];
      return {
        path: `/api/incidents/${incident.id}/whistles`,
        token: streetTokens.get(incident.streetId)!,
        body: { type: 'emergency', departmentIds: summoned },
      };
    },
  };
}
