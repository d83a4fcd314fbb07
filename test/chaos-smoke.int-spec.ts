import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = join(__dirname, '..');
/** A build of the bench of this test's own: the benchmark's smoke test compiles bench/dist meanwhile. */
const outDir = join(root, 'bench', 'dist', 'chaos-test');

interface ChaosResult {
  profile: string;
  passed: boolean;
  totals: Record<string, number>;
  work_errors: string[];
  faults: { fault: string; count: number; recovery_s_max: number | null }[];
}

/**
 * `npm run chaos -- --short`: the fault suite with one fault of each kind against a real cluster
 * (3 api + 2 workers behind nginx) on a PostgreSQL and a Redis of its own, under steady load.
 * Every count the auditor keeps must be 0; the run itself exits 1 otherwise.
 */
describe('fault suite, short run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'whistle-chaos-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loses, doubles, leaks and misses nothing through one fault of each kind', async () => {
    if (!existsSync(join(root, 'server', 'dist', 'main.js')))
      await run('npx', ['tsc', '-p', 'server/tsconfig.build.json'], { cwd: root });
    await run('npx', ['tsc', '-p', 'bench/tsconfig.json', '--outDir', outDir], { cwd: root });
    const out = join(dir, 'chaos.json');
    const ran = await run(process.execPath, [join(outDir, 'chaos', 'run.js'), '--short', '--out', out], {
      cwd: root,
      env: { ...process.env, CHAOS_PORT: '3990' },
      maxBuffer: 16 * 2 ** 20,
    }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (err: { code?: number; stdout?: string; stderr?: string }) => ({
        code: err.code ?? 1,
        stdout: `${err.stdout ?? ''}\n${err.stderr ?? ''}`,
      }),
    );
    if (!existsSync(out)) throw new Error(`the fault suite wrote no results:\n${ran.stdout}`);
    const result = JSON.parse(readFileSync(out, 'utf8')) as ChaosResult;

    expect(result.profile).toBe('short');
    expect(result.faults.map((f) => f.fault).sort()).toEqual(
      [
        'kill-api',
        'kill-worker',
        'none (before the first fault)',
        'postgres-stop',
        'redis-restart-empty',
        'redis-stop',
        'term-api',
        'term-worker',
      ].sort(),
    );
    // The load did run, and timers fired across the faults.
    expect(result.totals.dispatches).toBeGreaterThan(20);
    expect(result.totals.deadlines_due).toBeGreaterThan(0);
    const counts = [
      'lost',
      'doubled',
      'leaked',
      'missed',
      'firedTwice',
      'http500',
      'slow',
      'eventsMissed',
      'outboxUndelivered',
      'workErrors',
    ];
    expect({
      counts: Object.fromEntries(counts.map((c) => [c, result.totals[c]])),
      errors: result.work_errors,
    }).toEqual({
      counts: Object.fromEntries(counts.map((c) => [c, 0])),
      errors: [],
    });
    for (const fault of result.faults.filter((f) => f.count > 0))
      expect({ fault: fault.fault, recovered: fault.recovery_s_max !== null }).toEqual({
        fault: fault.fault,
        recovered: true,
      });
    expect({ passed: result.passed, exit: ran.code }).toEqual({ passed: true, exit: 0 });
  }, 900_000);
});
