import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = join(__dirname, '..');

const NUMERIC_OR_NULL = [
  'p50_ms',
  'p90_ms',
  'p99_ms',
  'max_ms',
  'throughput_per_s',
  'floor_p50_ms',
  'floor_p99_ms',
  'cpu_ms_per_op',
];

/**
 * `npm run bench -- --smoke`: every scenario for a few seconds against a real server, floor server
 * and load processes. Asserts the results file is complete and well-formed — never how fast.
 */
describe('benchmark smoke run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'whistle-bench-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the five scenarios, their floors and a cluster, and writes a well-formed results file', async () => {
    if (!existsSync(join(root, 'server', 'dist', 'main.js')))
      await run('npx', ['tsc', '-p', 'server/tsconfig.build.json'], { cwd: root });
    await run('npx', ['tsc', '-p', 'bench/tsconfig.json'], { cwd: root });
    const out = join(dir, 'latest.json');
    await run(process.execPath, ['bench/dist/run.js', '--smoke', '--out', out], {
      cwd: root,
      // The scale scenario's cluster: nginx on 3950, its api processes on 3951–3952, metrics 3961–3964.
      env: { ...process.env, BENCH_PORT: '3957', BENCH_FLOOR_PORT: '3958', BENCH_CLUSTER_PORT: '3950' },
      maxBuffer: 16 * 2 ** 20,
    });

    const result = JSON.parse(readFileSync(out, 'utf8')) as {
      profile: string;
      machine: { cores: number; memory_gb: number };
      scenarios: Record<string, unknown>[];
    };
    expect(result.profile).toBe('smoke');
    expect(result.machine.cores).toBeGreaterThan(0);
    expect(result.machine.memory_gb).toBeGreaterThan(0);
    expect(result.scenarios.map((s) => s.scenario)).toEqual([
      'floor',
      'floor-fanout',
      'dispatch',
      'fanout',
      'intake',
      'deadlines',
      'scale',
    ]);
    const [floor, fanoutFloor] = result.scenarios;
    for (const s of result.scenarios) {
      expect(typeof s.load).toBe('string');
      expect(typeof s.measures).toBe('string');
      expect(Number.isInteger(s.errors) && (s.errors as number) >= 0).toBe(true);
      for (const field of NUMERIC_OR_NULL)
        expect(s[field] === null || typeof s[field] === 'number').toBe(true);
      // Something was measured in every scenario, and percentiles are ordered.
      expect(s.p50_ms).not.toBeNull();
      const [p50, p90, p99, max] = ['p50_ms', 'p90_ms', 'p99_ms', 'max_ms'].map((f) => s[f] as number);
      expect(p50 <= p90 && p90 <= p99 && p99 <= max).toBe(true);
      expect(s.server_rss_mb as number).toBeGreaterThan(0);
      // A smoke run's idle floor can round to 0 % of a core; never below, never missing.
      expect(s.server_cpu_pct as number).toBeGreaterThanOrEqual(0);
      // Fan-out is quoted against its own floor, scale against none (not the floor's load),
      // everything else against scenario 1's.
      const itsFloor = s.scenario === 'fanout' ? fanoutFloor : s.scenario === 'scale' ? null : floor;
      expect(s.floor_p50_ms).toBe(itsFloor ? itsFloor.p50_ms : null);
      expect(s.floor_p99_ms).toBe(itsFloor ? itsFloor.p99_ms : null);
      // CPU per operation follows from the row's own CPU and throughput; fan-out counts deliveries.
      const fanout = s.scenario === 'fanout' || s.scenario === 'floor-fanout';
      const cpu = s.server_cpu_pct as number;
      const perS = s.throughput_per_s as number | null;
      if (fanout || !perS) expect(s.cpu_ms_per_op).toBeNull();
      else expect(s.cpu_ms_per_op as number).toBeCloseTo((cpu * 10) / perS, 1);
    }
    // The cluster's processes each counted: 2 api, 2 worker, nginx, and the machine as a whole.
    const scale = result.scenarios.find((s) => s.scenario === 'scale')!;
    expect(scale.api_processes).toBe(2);
    expect(Object.keys(scale.cpu_pct_by_process as object)).toEqual(
      expect.arrayContaining(['nginx', 'api-1', 'api-2', 'worker-1', 'worker-2', 'load', 'machine']),
    );
    // nginx's access log named an api process of this cluster for each whistle.
    const byApi = Object.entries(scale.whistles_by_api as Record<string, number>);
    expect(byApi.length).toBeGreaterThan(0);
    for (const [name, count] of byApi) {
      expect(['api-1', 'api-2']).toContain(name);
      expect(count).toBeGreaterThan(0);
    }
  }, 480_000);
});
