import { Listeners } from '../lib/children';
import { nowMs, sleep } from '../lib/clock';
import type { Profile } from '../lib/profile';
import { latencyFields, type MeasuredRow, usageFields } from '../lib/result';
import type { BenchDatabase, RunningProcess, UsageSampler } from '../lib/server';
import { startFloor } from './floor';
import { gridPerStreet, login } from '../lib/world';

/** The same fan-out against Whistle or the floor server: how sockets join, how one event is raised. */
interface FanoutTarget {
  url: string;
  auth: Record<string, string>;
  /** Raises one event carrying `title`; resolves false (and says why) if the request failed. */
  raise(title: string): Promise<boolean>;
}

/**
 * Scenario 3: wall screens of the district room (one district operator's token on every socket);
 * each trial raises one incident and times until the last socket has its `incident.created`.
 */
export async function fanoutScenario(
  profile: Profile['fanout'],
  database: BenchDatabase,
  server: RunningProcess,
): Promise<MeasuredRow> {
  const districtToken = await login(server.url, 'district.operator');
  const [code, streetId] = Object.entries(database.seed.ids.streets)[0];
  const streetToken = await login(server.url, `street.${code}`);
  const grid = (await gridPerStreet(database)).get(streetId)!;
  return measureFanout(profile, 'fanout', server.usage, {
    url: server.url,
    auth: { token: districtToken },
    raise: async (title) => {
      const res = await fetch(`${server.url}/api/incidents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${streetToken}` },
        body: JSON.stringify({
          title,
          category: 'fire_hazard',
          priority: 'high',
          location: { lng: grid.lng, lat: grid.lat },
          source: 'operator',
        }),
      });
      if (!res.ok) console.warn(`  fan-out POST: ${res.status} ${await res.text()}`);
      return res.ok;
    },
  });
}

/** The fan-out's floor: the same sockets and trials against the bare socket.io server. */
export async function fanoutFloorScenario(
  profile: Profile['fanout'],
  database: BenchDatabase,
): Promise<MeasuredRow> {
  const floor = await startFloor(database);
  try {
    return await measureFanout(profile, 'floor-fanout', floor.usage, {
      url: floor.url,
      auth: { rooms: 'district' },
      raise: async (title) => {
        const res = await fetch(`${floor.url}/incidents`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ title }),
        });
        return res.ok;
      },
    });
  } finally {
    await floor.stop();
  }
}

async function measureFanout(
  profile: Profile['fanout'],
  scenario: 'fanout' | 'floor-fanout',
  usage: UsageSampler,
  target: FanoutTarget,
): Promise<MeasuredRow> {
  const { listeners, connected, failed } = await Listeners.connect(
    profile.listenerProcesses,
    { url: target.url, event: 'incident.created', key: 'title' },
    Array.from({ length: profile.sockets }, () => target.auth),
  );
  try {
    usage.take();
    const toLast: number[] = [];
    let missing = 0;
    let errors = 0;
    for (let trial = 0; trial < profile.trials; trial++) {
      const title = `扇出测试 ${trial} ${Date.now()}`;
      const t0 = nowMs();
      if (!(await target.raise(title))) {
        errors++;
        continue;
      }
      let times: number[] = [];
      for (let waited = 0; waited < 5_000 && times.length < connected; waited += 100) {
        await sleep(100);
        const { receipts } = await listeners.collect();
        times = times.concat(receipts.filter((r) => r[0] === title).map((r) => r[1]));
      }
      missing += connected - times.length;
      if (times.length) toLast.push(times.reduce((a, b) => Math.max(a, b)) - t0);
      await sleep(500);
    }
    const fields = latencyFields(toLast);
    return {
      scenario,
      load: `${profile.trials} events, each to ${connected} sockets in the district room${failed ? ` (${failed} failed to connect)` : ''}`,
      ...fields,
      throughput_per_s: fields.p50_ms ? Math.round((connected / fields.p50_ms) * 1000) : null,
      errors: errors + missing + failed,
      ...usageFields(usage.take()),
      measures:
        scenario === 'fanout'
          ? 'incident POST sent → the last of the sockets receives incident.created (per event); throughput = socket deliveries/s at p50'
          : 'the same against the bare socket.io server (one Redis INCR, one INSERT, one emit to the room)',
    };
  } finally {
    await listeners.close();
  }
}
