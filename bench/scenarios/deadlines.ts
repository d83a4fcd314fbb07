import { randomUUID } from 'node:crypto';
import { Listeners } from '../lib/children';
import { nowMs, sleep } from '../lib/clock';
import type { Profile } from '../lib/profile';
import { latencyFields, type MeasuredRow, usageFields } from '../lib/result';
import { startWhistle, type BenchDatabase, type RunningProcess } from '../lib/server';
import { gridPerStreet, insertRegisteredIncidents, login } from '../lib/world';

const DEPARTMENTS_PER_WHISTLE = 10;

/**
 * Scenario 4: `count` pending dispatches whose accept deadlines fall in a short window. They are
 * written to the database while the server is down; at start-up the server re-derives a timer for
 * every open dispatch (the path a restart takes), so all of them are pending timers at once. A wall
 * screen in the district room times each `deadline.overdue` against the deadline it reports.
 */
export async function deadlinesScenario(
  profile: Profile['deadlines'],
  database: BenchDatabase,
  port: number,
): Promise<{ row: MeasuredRow; server: RunningProcess }> {
  const ids = database.seed.ids;
  const departmentIds = Object.values(ids.departments);
  const grids = [...(await gridPerStreet(database)).values()];
  const incidents = await insertRegisteredIncidents(
    database,
    grids,
    Math.ceil(profile.count / DEPARTMENTS_PER_WHISTLE),
  );
  const blowers = new Map<string, string>(
    (
      await database.db.query<{ id: string; streetId: string }[]>(
        `SELECT id, street_id AS "streetId" FROM users WHERE role = 'street_operator'`,
      )
    ).map((u) => [u.streetId, u.id]),
  );
  const firstDue = Date.now() + profile.leadSeconds * 1000;
  const spacing = (profile.windowSeconds * 1000) / profile.count;
  const whistles = incidents.map((inc) => ({ id: randomUUID(), incident: inc }));
  const dispatches = Array.from({ length: profile.count }, (_, n) => {
    const w = whistles[Math.floor(n / DEPARTMENTS_PER_WHISTLE)];
    return {
      id: randomUUID(),
      whistle_id: w.id,
      incident_id: w.incident.id,
      department_id: departmentIds[n % departmentIds.length],
      street_id: w.incident.streetId,
      accept_by: new Date(firstDue + n * spacing).toISOString(),
      created_by_id: blowers.get(w.incident.streetId),
    };
  });
  await database.db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO whistles (id, incident_id, street_id, type, blown_by_id)
       SELECT x.id, x.incident_id, x.street_id, 'emergency', x.blown_by_id
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, incident_id uuid, street_id uuid, blown_by_id uuid)`,
      [
        JSON.stringify(
          whistles.map((w) => ({
            id: w.id,
            incident_id: w.incident.id,
            street_id: w.incident.streetId,
            blown_by_id: blowers.get(w.incident.streetId),
          })),
        ),
      ],
    );
    for (let i = 0; i < dispatches.length; i += 2000) {
      await tx.query(
        `INSERT INTO dispatches (id, whistle_id, incident_id, direction, assignee_kind, department_id, street_id,
                                 whistle_type, status, accept_by, arrive_by, resolve_by, created_by_id)
         SELECT x.id, x.whistle_id, x.incident_id, 'street_to_dept', 'department', x.department_id, x.street_id,
                'emergency', 'pending', x.accept_by, x.accept_by + interval '1 hour', x.accept_by + interval '4 hours',
                x.created_by_id
           FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, whistle_id uuid, incident_id uuid, department_id uuid,
                street_id uuid, accept_by timestamptz, created_by_id uuid)`,
        [JSON.stringify(dispatches.slice(i, i + 2000))],
      );
    }
    await tx.query(`UPDATE incidents SET status = 'dispatched' WHERE id = ANY($1::uuid[])`, [
      incidents.map((i) => i.id),
    ]);
  });

  const ours = new Set(dispatches.map((d) => `${d.id}|accept`));
  const server = await startWhistle(database, port);
  const { listeners, connected } = await Listeners.connect(
    1,
    { url: server.url, event: 'deadline.overdue', key: 'deadline' },
    [{ token: await login(server.url, 'district.operator') }],
  );
  try {
    if (connected !== 1) throw new Error('the wall screen socket did not connect');
    server.usage.take();
    const lastDue = firstDue + profile.windowSeconds * 1000;
    const lateness = new Map<string, number>();
    while (nowMs() < lastDue + 15_000 && lateness.size < profile.count) {
      await sleep(500);
      for (const [key, at, due] of (await listeners.collect()).receipts) {
        // Only each of this scenario's dispatches' first notice of its accept stage: repeats are
        // minutes later.
        if (!lateness.has(key) && ours.has(key)) lateness.set(key, at - due);
      }
    }
    const samples = [...lateness.values()];
    const startedLate = samples.filter((s) => s < -1).length;
    return {
      server,
      row: {
        scenario: 'deadlines',
        load: `${profile.count} pending accept deadlines due over ${profile.windowSeconds} s, rebuilt from PostgreSQL at start-up`,
        ...latencyFields(samples),
        throughput_per_s: Math.round(lateness.size / profile.windowSeconds),
        errors: profile.count - lateness.size + startedLate,
        ...usageFields(server.usage.take()),
        measures: 'deadline (dueAt) → a district wall screen receives deadline.overdue (lateness)',
      },
    };
  } finally {
    await listeners.close();
  }
}
