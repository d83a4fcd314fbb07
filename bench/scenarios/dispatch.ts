import type { Profile } from '../lib/profile';
import type { MeasuredRow } from '../lib/result';
import type { BenchDatabase, RunningProcess } from '../lib/server';
import { gridPerStreet, insertRegisteredIncidents, login } from '../lib/world';
import { measureDispatch } from './dispatch-load';

/** Scenario 1: whistles on registered incidents, to officers' sockets, through the whole server. */
export async function dispatchScenario(
  profile: Profile['dispatch'],
  database: BenchDatabase,
  server: RunningProcess,
): Promise<MeasuredRow> {
  const ids = database.seed.ids;
  const departmentIds = Object.values(ids.departments);
  const deptTokens = new Map<string, string>();
  for (const [code, id] of Object.entries(ids.departments))
    deptTokens.set(id, await login(server.url, `dept.${code}`));
  const streetTokens = new Map<string, string>();
  for (const [code, id] of Object.entries(ids.streets))
    streetTokens.set(id, await login(server.url, `street.${code}`));
  const districtToken = await login(server.url, 'district.operator');
  const streetIds = [...streetTokens.keys()];

  const grids = [...(await gridPerStreet(database)).values()];
  const incidents = await insertRegisteredIncidents(
    database,
    grids,
    Math.round(profile.rate * (profile.warmupSeconds + profile.seconds)),
  );

  return measureDispatch(
    profile,
    {
      url: server.url,
      departmentIds,
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
    },
    server.usage,
    'dispatch',
  );
}
