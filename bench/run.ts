/**
 * `npm run bench`: the five scenarios of the benchmark against a freshly started server on a fresh
 * database, and the dispatch load on a cluster of 1, 2 and 3 api processes, the load from separate
 * processes; prints a table and writes bench/results/latest.json.
 *
 *   npm run bench                      full run (~11 minutes)
 *   npm run bench -- --smoke           seconds-long run of every scenario (the test suite's)
 *   npm run bench -- --only dispatch,floor
 *   npm run bench -- --out some/file.json
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { satisfies } from 'semver';
import { commit, option } from './lib/cli';
import { repositoryRoot } from './lib/cluster';
import { fullProfile, smokeProfile } from './lib/profile';
import { cpuMsPerOp, type MeasuredRow, type ScenarioResult } from './lib/result';
import { BenchDatabase, startWhistle, type RunningProcess } from './lib/server';
import { deadlinesScenario } from './scenarios/deadlines';
import { dispatchScenario } from './scenarios/dispatch';
import { fanoutFloorScenario, fanoutScenario } from './scenarios/fanout';
import { floorScenario } from './scenarios/floor';
import { gridLookupMicros } from './scenarios/grid-lookup';
import { intakeScenario } from './scenarios/intake';
import { scaleScenario } from './scenarios/scale';

const SCENARIOS = ['floor', 'dispatch', 'floor-fanout', 'fanout', 'intake', 'deadlines', 'scale'] as const;
type ScenarioName = (typeof SCENARIOS)[number];
const PORT = Number(process.env.BENCH_PORT ?? 3917);
/** The scale scenario's nginx; its api processes take the next ports, their metrics from +11. */
const CLUSTER_PORT = Number(process.env.BENCH_CLUSTER_PORT ?? 3930);

async function main(): Promise<void> {
  const profile = process.argv.includes('--smoke') ? smokeProfile() : fullProfile();
  const only = option('only')?.split(',') ?? [...SCENARIOS];
  const unknown = only.filter((s) => !(SCENARIOS as readonly string[]).includes(s));
  if (unknown.length)
    throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.join(', ')}`);
  const wanted = (s: ScenarioName) => only.includes(s);
  const out = resolve(option('out') ?? join(__dirname, '..', 'results', 'latest.json'));
  const unsupported = unsupportedNode();
  if (unsupported) console.warn(unsupported);

  const rows: MeasuredRow[] = [];
  const database = await BenchDatabase.create();
  let deadlinesDatabase: BenchDatabase | null = null;
  let server: RunningProcess | null = null;
  try {
    if (wanted('floor')) rows.push(await step('floor', () => floorScenario(profile.dispatch, database)));
    if (wanted('floor-fanout'))
      rows.push(await step('floor-fanout', () => fanoutFloorScenario(profile.fanout, database)));
    if (wanted('dispatch') || wanted('fanout') || wanted('intake')) {
      server = await startWhistle(database, PORT);
      const running = server;
      if (wanted('dispatch'))
        rows.push(await step('dispatch', () => dispatchScenario(profile.dispatch, database, running)));
      if (wanted('fanout'))
        rows.push(await step('fanout', () => fanoutScenario(profile.fanout, database, running)));
      if (wanted('intake'))
        rows.push(await step('intake', () => intakeScenario(profile.intake, database, running)));
      await server.stop();
      server = null;
    }
    if (wanted('deadlines')) {
      // A database of its own: timers the other scenarios left must not fire inside its window.
      deadlinesDatabase = await BenchDatabase.create();
      const own = deadlinesDatabase;
      const result = await step('deadlines', () => deadlinesScenario(profile.deadlines, own, PORT));
      server = result.server;
      rows.push(result.row);
      await server.stop();
      server = null;
    }
    // Clusters of their own, each on a database of its own.
    if (wanted('scale'))
      rows.push(...(await step('scale', () => scaleScenario(profile.scale, CLUSTER_PORT))));
  } finally {
    await server?.stop();
    await database.drop();
    await deadlinesDatabase?.drop();
  }

  const floorOf = (r: MeasuredRow) =>
    r.scenario === 'scale'
      ? undefined
      : rows.find((f) => f.scenario === (r.scenario === 'fanout' ? 'floor-fanout' : 'floor'));
  // Fan-out has a floor of its own (the same trials on the bare server); scale none (its sockets
  // are fewer and go through nginx, so the floor's load is not its load); every other row, scenario 1's.
  const scenarios: ScenarioResult[] = rows.map((r) => ({
    ...r,
    floor_p50_ms: floorOf(r)?.p50_ms ?? null,
    floor_p99_ms: floorOf(r)?.p99_ms ?? null,
    cpu_ms_per_op: cpuMsPerOp(r),
  }));
  const result = {
    at: new Date().toISOString(),
    commit: commit(),
    profile: profile.name,
    machine: {
      cores: cpus().length,
      cpu: cpus()[0]?.model ?? null,
      memory_gb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
      node: process.version,
    },
    grid_lookup_us: gridLookupMicros(profile.name === 'smoke' ? 10_000 : 100_000),
    scenarios,
  };
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
  printTable(scenarios);
  console.log(
    `\n${result.machine.cores} cores, ${result.machine.memory_gb} GB, Node ${result.machine.node}; results: ${out}`,
  );
  if (unsupported) console.warn(unsupported);
}

/**
 * A warning when this Node is not one `engines` allows: the figures depend on it (a Node 20 run's
 * deadlines and memory differed from Node 26's, the images' own), so they would not be the deployment's.
 */
function unsupportedNode(): string | null {
  const { engines } = JSON.parse(readFileSync(join(repositoryRoot(), 'package.json'), 'utf8')) as {
    engines: { node: string };
  };
  return satisfies(process.version, engines.node)
    ? null
    : `Node ${process.version} is not one this project supports (engines: ${engines.node}): these figures are not the deployment's`;
}

async function step<T>(name: ScenarioName, run: () => Promise<T>): Promise<T> {
  console.log(`== ${name}`);
  const started = Date.now();
  const result = await run();
  console.log(`   ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

function printTable(rows: ScenarioResult[]): void {
  const fmt = (v: number | null) => (v === null ? '—' : String(Math.round(v * 10) / 10));
  const ratio = (v: number | null, floor: number | null) =>
    v === null || !floor ? '—' : `${(Math.round((v / floor) * 10) / 10).toFixed(1)}×`;
  console.table(
    rows.map((r) => ({
      scenario: r.api_processes ? `${r.scenario} ×${r.api_processes}` : r.scenario,
      p50_ms: fmt(r.p50_ms),
      p90_ms: fmt(r.p90_ms),
      p99_ms: fmt(r.p99_ms),
      max_ms: fmt(r.max_ms),
      'per s': fmt(r.throughput_per_s),
      errors: r.errors,
      'p50/floor': ratio(r.p50_ms, r.floor_p50_ms),
      'p99/floor': ratio(r.p99_ms, r.floor_p99_ms),
      rss_mb: fmt(r.server_rss_mb),
      'cpu %': fmt(r.server_cpu_pct),
      'cpu ms/op': fmt(r.cpu_ms_per_op),
    })),
  );
  for (const r of rows) {
    console.log(`${r.scenario}: ${r.load}\n  (${r.measures})`);
    if (r.cpu_pct_by_process)
      console.log(
        `  cpu % of a core: ${Object.entries(r.cpu_pct_by_process)
          .map(([name, pct]) => `${name} ${pct}`)
          .join(', ')}`,
      );
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
