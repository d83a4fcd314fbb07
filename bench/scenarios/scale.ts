import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cluster } from '../lib/cluster';
import { ClusterUsage, type ClusterCpu } from '../lib/cluster-usage';
import type { Profile } from '../lib/profile';
import { latencyFields, type MeasuredRow } from '../lib/result';
import { BenchDatabase, whistleEnv } from '../lib/server';
import { percentile } from '../lib/stats';
import { gridPerStreet, insertRegisteredIncidents } from '../lib/world';
import { whistleTarget } from './dispatch';
import { DEPARTMENTS_PER_WHISTLE, DispatchLoad, socketsText, type DispatchRun } from './dispatch-load';

interface Step {
  run: DispatchRun;
  cpu: ClusterCpu;
  /** Processes the cluster script had to start again during the step. */
  restarts: number;
}

/**
 * The dispatch load through the cluster's nginx (server/scripts/cluster.sh) on 1, 2, 3 … api
 * processes with the workers in processes of their own: for each count, the highest whistle rate
 * whose step keeps p99 under the limit with no errors. One row per api count.
 */
export async function scaleScenario(profile: Profile['scale'], port: number): Promise<MeasuredRow[]> {
  // nginx serves the dashboard too; any page will do for a benchmark that never loads it.
  const dashboardDist = mkdtempSync(join(tmpdir(), 'whistle-bench-dashboard-'));
  writeFileSync(join(dashboardDist, 'index.html'), '<!doctype html><title>Whistle</title>\n');
  try {
    const rows: MeasuredRow[] = [];
    for (const apis of profile.apiCounts) {
      const started = Date.now();
      rows.push(await measureApis(profile, apis, port, dashboardDist));
      console.log(`  ${apis} api: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    return rows;
  } finally {
    rmSync(dashboardDist, { recursive: true, force: true });
  }
}

/** One cluster on a database of its own, so no earlier cluster's dispatches or deadlines weigh on it. */
async function measureApis(
  profile: Profile['scale'],
  apis: number,
  port: number,
  dashboardDist: string,
): Promise<MeasuredRow> {
  const runDir = mkdtempSync(join(tmpdir(), `whistle-bench-cluster-${apis}-`));
  const photoDir = join(runDir, 'photos');
  mkdirSync(photoDir);
  let restarts = 0;
  let database: BenchDatabase | null = null;
  let cluster: Cluster | null = null;
  let load: DispatchLoad | null = null;
  let kept = false;
  const since = Date.now();
  const seconds = () => ((Date.now() - since) / 1000).toFixed(1);
  try {
    const own = await BenchDatabase.create();
    database = own;
    cluster = await Cluster.start({
      port,
      apis,
      workers: profile.workers,
      runDir,
      env: { ...whistleEnv(own), PHOTO_DIR: photoDir },
      dashboardDist,
      onOutput: (line) => {
        // The script restarts a process that died: that is a failure of the step it happened in.
        if (!line.includes('started again')) return;
        restarts++;
        console.warn(`  cluster: ${line.trim()}`);
      },
    });
    const names = [
      'nginx',
      ...Array.from({ length: apis }, (_, i) => `api-${i + 1}`),
      ...Array.from({ length: profile.workers }, (_, i) => `worker-${i + 1}`),
    ];
    const grids = [...(await gridPerStreet(own)).values()];
    const incidents: { id: string; streetId: string }[] = [];
    // Each step's incidents are written before its clock starts, as in the dispatch scenario.
    const addIncidents = async (count: number) =>
      incidents.push(...(await insertRegisteredIncidents(own, grids, count)));
    console.log(`  ${apis} api: cluster up at ${seconds()} s`);
    load = await DispatchLoad.open(profile, await whistleTarget(cluster.url, own, incidents));
    console.log(`  ${apis} api: signed in and connected at ${seconds()} s`);

    const warmup = Math.round(profile.warmupRate * profile.warmupSeconds);
    await addIncidents(warmup);
    await load.run(profile.warmupRate, warmup);

    let held: Step | null = null;
    let failed: Step | null = null;
    for (const rate of profile.stepRates) {
      const count = Math.round(rate * profile.stepSeconds);
      await addIncidents(count);
      const restartsBefore = restarts;
      const usage = await ClusterUsage.begin(cluster, names, own);
      const run = await load.run(rate, count);
      const step: Step = { run, cpu: usage.end(), restarts: restarts - restartsBefore };
      const p99 = percentile(run.samples, 99);
      const errors = stepErrors(step);
      console.log(
        `  ${apis} api, ${rate} whistles/s: p50 ${fmt(percentile(run.samples, 50))} p99 ${fmt(p99)} ms ` +
          `(POST alone p50 ${fmt(percentile(run.responseMs, 50))} p99 ${fmt(percentile(run.responseMs, 99))}), ` +
          `${errors} errors; cpu ${Object.entries(step.cpu.byProcess)
            .map(([name, pct]) => `${name} ${pct}`)
            .join(', ')}`,
      );
      if (run.firstError) console.warn(`  first request error: ${run.firstError}`);
      if (errors > 0 || p99 === null || p99 >= profile.maxP99Ms) {
        failed = step;
        break;
      }
      held = step;
    }
    const shown = held ?? failed!;
    const spread = whistlesByApi(runDir, port);
    console.log(
      `  ${apis} api: whistles answered by ${Object.entries(spread)
        .map(([name, n]) => `${name} ${n}`)
        .join(', ')}`,
    );
    return {
      scenario: 'scale',
      api_processes: apis,
      load:
        `${apis} api + ${profile.workers} worker processes behind nginx; whistles × ${DEPARTMENTS_PER_WHISTLE} departments ` +
        `in steps of ${profile.stepSeconds} s at ${profile.stepRates.join(', ')}/s (after ${profile.warmupSeconds} s at ` +
        `${profile.warmupRate}/s): ${held ? `held ${held.run.rate}/s` : 'no step held'}` +
        `${failed ? `, ${failed.run.rate}/s did not (p99 ${fmt(percentile(failed.run.samples, 99))} ms, ${stepErrors(failed)} errors)` : ''}; ` +
        socketsText(profile, load, Object.keys(own.seed.ids.departments).length),
      ...latencyFields(shown.run.samples),
      throughput_per_s: held ? held.run.rate : 0,
      errors: stepErrors(shown) + load.failed,
      server_rss_mb: shown.cpu.clusterRssMb,
      server_cpu_pct: shown.cpu.clusterCpuPct,
      cpu_pct_by_process: shown.cpu.byProcess,
      whistles_by_api: spread,
      measures:
        `at the highest step with p99 < ${profile.maxP99Ms} ms and no errors (else the first step): whistle POST through nginx → ` +
        'each summoned officer socket (WebSocket through nginx) receives dispatch.created; throughput = that rate; ' +
        'cpu/rss = api, worker and nginx processes summed',
    };
  } catch (err) {
    // The processes' logs are the way to find out why: left in place.
    kept = true;
    console.error(`  scale with ${apis} api: the cluster's logs are in ${runDir}`);
    throw err;
  } finally {
    await load?.close();
    await cluster?.stop();
    await database?.drop();
    if (!kept) rmSync(runDir, { recursive: true, force: true });
  }
}

/**
 * Which api process nginx gave each whistle, over the whole run (warm-up and every step), from its
 * access log (`upstream=127.0.0.1:<port>`, api n on port + n).
 */
function whistlesByApi(runDir: string, port: number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of readFileSync(join(runDir, 'nginx-access.log'), 'utf8').split('\n')) {
    const upstream = /"POST \/api\/incidents\/[^ ]+\/whistles [^"]*".* upstream=127\.0\.0\.1:(\d+)$/.exec(
      line,
    );
    if (!upstream) continue;
    const name = `api-${Number(upstream[1]) - port}`;
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

function stepErrors(step: Step): number {
  return step.run.requestErrors + step.run.missing + step.restarts;
}

function fmt(v: number | null): string {
  return v === null ? '—' : v.toFixed(1);
}
