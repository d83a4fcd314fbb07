import { post } from '../lib/children';
import { sleep } from '../lib/clock';
import type { Profile } from '../lib/profile';
import type { PlannedRequest, Sent } from '../lib/protocol';
import { latencyFields, type MeasuredRow, usageFields } from '../lib/result';
import type { BenchDatabase, RunningProcess } from '../lib/server';
import { percentile } from '../lib/stats';
import { allGrids, login } from '../lib/world';

const CATEGORIES = ['street_vending', 'traffic_parking', 'sanitation', 'road_facilities'];

interface Step {
  rate: number;
  seconds: number;
  sent: Sent[];
  elapsedS: number;
}

/**
 * Scenario 2: street operators raising incidents in their streets, open-loop. Short steps of rising
 * rate find the highest one whose p99 stays under the limit without errors; that rate (or, if it
 * does not hold, the step below) must then hold for the full sustain time.
 */
export async function intakeScenario(
  profile: Profile['intake'],
  database: BenchDatabase,
  server: RunningProcess,
): Promise<MeasuredRow> {
  const tokens = new Map<string, string>();
  for (const [code, id] of Object.entries(database.seed.ids.streets))
    tokens.set(id, await login(server.url, `street.${code}`));
  // Spread over every grid of the district, each raised by its own street's operator.
  const grids = await allGrids(database);
  let serial = 0;
  const plan = (count: number): PlannedRequest[] =>
    Array.from({ length: count }, () => {
      const n = serial++;
      const grid = grids[(n * 7919) % grids.length];
      return {
        path: '/api/incidents',
        token: tokens.get(grid.streetId)!,
        body: {
          title: `占道经营 ${n}`,
          category: CATEGORIES[n % CATEGORIES.length],
          priority: 'normal',
          location: { lng: grid.lng, lat: grid.lat },
          source: 'operator',
        },
      };
    });
  const run = async (rate: number, seconds: number): Promise<Step> => {
    const started = performance.now();
    const { sent, firstError } = await post(profile.posterProcesses, {
      url: server.url,
      rate,
      requests: plan(Math.round(rate * seconds)),
    });
    if (firstError) console.warn(`  intake at ${rate}/s: ${firstError}`);
    return { rate, seconds, sent, elapsedS: (performance.now() - started) / 1000 };
  };
  const holds = (s: Step) =>
    s.sent.every((x) => x[2] === 201) &&
    (percentile(
      s.sent.map((x) => x[1]),
      99,
    ) ?? Infinity) < profile.maxP99Ms;

  server.usage.take();
  let best: number | null = null;
  for (const rate of profile.stepRates) {
    const step = await run(rate, profile.stepSeconds);
    const p99 = percentile(
      step.sent.map((x) => x[1]),
      99,
    );
    console.log(
      `  intake step ${rate}/s: p99 ${p99?.toFixed(1)} ms, ${step.sent.filter((x) => x[2] !== 201).length} errors`,
    );
    if (!holds(step)) {
      // An overloaded server is still working off that step's backlog: let it, before the sustained run.
      await sleep(profile.stepSeconds * 1000);
      break;
    }
    best = rate;
  }
  const candidates = profile.stepRates.filter((r) => best !== null && r <= best).reverse();
  let sustained: Step | null = null;
  for (const rate of candidates.slice(0, 2)) {
    const step = await run(rate, profile.sustainSeconds);
    sustained = step;
    if (holds(step)) break;
  }
  const final = sustained ?? (await run(profile.stepRates[0], profile.sustainSeconds));
  const ok = final.sent.filter((x) => x[2] === 201);
  return {
    scenario: 'intake',
    load: `${final.rate} incidents/s offered for ${final.seconds} s (highest step rate with p99 < ${profile.maxP99Ms} ms: ${best ?? 'none'}/s)`,
    ...latencyFields(final.sent.map((x) => x[1])),
    throughput_per_s: Math.round((ok.length / final.elapsedS) * 10) / 10,
    errors: final.sent.length - ok.length,
    ...usageFields(server.usage.take()),
    measures: 'POST /api/incidents response time at the sustained rate; throughput = created incidents/s',
  };
}
