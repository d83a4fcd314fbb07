/**
 * The wall screen (指挥大屏) under the district's full load: on a fresh database with the demo
 * geography and 30,000 incidents of which 5,000 are open, headless Chromium opens the wall at
 * 1920×1080 and measures
 *
 *  - first meaningful paint: from navigation start until the KPI strip shows numbers, the map has
 *    drawn the district's grids and the complete initial set of open incidents is on it (the latest
 *    of the performance marks `wall:kpis-ready`, `wall:grids-painted` and `wall:incidents-painted`,
 *    which the dashboard sets). `wall:grids-painted` is the first time MapLibre settles ('idle')
 *    with the grids laid out. The incidents are an SVG layer over the map:
 *    `wall:incidents-painted` is set on the first animation frame after that layer holds the
 *    clusters of every open incident, i.e. once the frame showing them has gone to the screen;
 *  - under 50 live events/s for 30 s, made by real state changes through the API: the longest
 *    main-thread task (PerformanceObserver 'longtask') and the JS heap after GC before and after.
 *
 *   npm run bench:wall          (INCIDENTS=30000 OPEN=5000 RATE=50 SECONDS=30)
 *   WALL_PROFILE=paint|load     also prints where the main thread's time went (CPU profile, self
 *                               time) during the cold first paint, or (load, or any other value)
 *                               during the live-load phase
 *
 * Prints the figures and writes bench/results/wall-latest.json (and a screenshot, wall-latest.png).
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { BENCH_JWT_SECRET, BenchDatabase, REDIS_URL, RunningProcess } from './lib/server';
import type { Page } from 'playwright-core';
import { sleep } from './lib/clock';
import { heapAfterGc, launch, longTasks, markTime, profileTop, signInAndObserve } from './wall/browser';
import { insertIncidents } from './wall/seed-incidents';
import { countEvents, driveEvents, login } from './wall/traffic';

const INCIDENTS = Number(process.env.INCIDENTS ?? 30_000);
const OPEN = Number(process.env.OPEN ?? 5_000);
const RATE = Number(process.env.RATE ?? 50);
const SECONDS = Number(process.env.SECONDS ?? 30);
const PORT = Number(process.env.BENCH_PORT ?? 3918);
const DASHBOARD_DIST = join(__dirname, '..', '..', 'dashboard', 'dist');
const round = (v: number | null) => (v === null ? null : Math.round(v));

/**
 * The wall's own marks: first meaningful paint is the latest of "KPIs show numbers", "the grid
 * map is drawn" and "all open incidents drawn".
 */
async function measurePaint(page: Page) {
  await page.locator('[data-incidents-painted]').waitFor({ timeout: 120_000 });
  await page.locator('[data-grids-painted]').waitFor({ timeout: 120_000 });
  await page.locator('[data-testid="kpi-open"] .kpi__value').waitFor();
  const kpis = await markTime(page, 'wall:kpis-ready');
  const gridsPainted = await markTime(page, 'wall:grids-painted');
  const incidentsPainted = await markTime(page, 'wall:incidents-painted');
  return {
    firstMeaningfulPaint: round(
      Math.max(kpis ?? Infinity, gridsPainted ?? Infinity, incidentsPainted ?? Infinity),
    ),
    kpis: round(kpis),
    gridsPainted: round(gridsPainted),
    mapLoaded: round(await markTime(page, 'wall:map-loaded')),
    incidentsFetched: round(await markTime(page, 'wall:incidents-fetched')),
    incidentsPushed: round(await markTime(page, 'wall:incidents-pushed')),
    incidentsPainted: round(incidentsPainted),
    shown: Number(await page.locator('[data-incidents-painted]').getAttribute('data-incidents-painted')),
  };
}

async function main(): Promise<void> {
  const database = await BenchDatabase.create();
  let server: RunningProcess | null = null;
  const browser = await launch();
  try {
    await insertIncidents(database.db, INCIDENTS, OPEN);
    server = await RunningProcess.start(
      require.resolve('@whistle/server/dist/main.js'),
      {
        DATABASE_URL: database.url,
        REDIS_URL,
        REDIS_PREFIX: database.name,
        JWT_SECRET: BENCH_JWT_SECRET,
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        METRICS_PORT: '0',
        // The load comes from one address and signs in dozens of users: no login throttling in the way.
        LOGIN_LIMIT_PER_IP: '100000',
        DASHBOARD_DIST,
      },
      PORT,
      '/health',
    );
    const base = server.url;
    const session = await login(base, 'district.operator');

    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // Signed in as the district operator before the first byte, so the timing starts at the wall.
    await page.addInitScript(
      signInAndObserve,
      JSON.stringify({ token: session.accessToken, user: session.user }),
    );
    // Cold: a fresh browser profile, nothing cached. Warm: the reload a wall screen does each morning.
    const coldLoad = async () => {
      await page.goto(`${base}/wall`);
      return measurePaint(page);
    };
    let cold: Awaited<ReturnType<typeof measurePaint>>;
    if (process.env.WALL_PROFILE === 'paint') {
      const profiled = await profileTop(page, coldLoad, 25);
      cold = profiled.result;
      console.log(`main thread until first paint (cold), self time:\n  ${profiled.top.join('\n  ')}`);
    } else {
      cold = await coldLoad();
    }
    const loadTasks = await longTasks(page);
    await page.reload();
    const warm = await measurePaint(page);
    for (const [name, p] of [
      ['cold', cold],
      ['warm', warm],
    ] as const) {
      console.log(
        `first meaningful paint (${name}) ${p.firstMeaningfulPaint} ms (KPIs ${p.kpis} ms, map loaded ${p.mapLoaded} ms, grids drawn ${p.gridsPainted} ms, ${p.shown} open incidents fetched ${p.incidentsFetched} ms, painted ${p.incidentsPainted} ms)`,
      );
    }

    await sleep(2000); // let the first paint's work settle before the steady-state baseline
    const heapBefore = await heapAfterGc(page);
    const tasksBefore = (await longTasks(page)).length;
    const counter = await countEvents(base, session.accessToken);
    const drive = () => driveEvents(base, { rate: RATE, seconds: SECONDS, counted: counter.count });
    let load: Awaited<ReturnType<typeof driveEvents>>;
    if (process.env.WALL_PROFILE && process.env.WALL_PROFILE !== 'paint') {
      const profiled = await profileTop(page, drive);
      load = profiled.result;
      console.log(`main thread under load, self time:\n  ${profiled.top.join('\n  ')}`);
    } else {
      load = await drive();
    }
    await sleep(1000);
    counter.socket.close();
    const underLoad = (await longTasks(page)).slice(tasksBefore);
    const heapAfter = await heapAfterGc(page);
    const longest = underLoad.reduce((m, t) => Math.max(m, t.duration), 0);
    const eventsPerSecond = Math.round((load.events / load.seconds) * 10) / 10;
    console.log(
      `load: ${load.events} events in ${load.seconds.toFixed(1)} s (${eventsPerSecond}/s) from ${load.requests} API requests (${load.errors} errors)`,
    );
    console.log(
      `longest main-thread task under load ${round(longest)} ms (${underLoad.length} tasks over 50 ms); JS heap ${heapBefore} → ${heapAfter} MB`,
    );
    const result = {
      machine: {
        cores: cpus().length,
        memoryGb: Math.round(totalmem() / 2 ** 30),
        loadAverage: loadavg()[0],
      },
      at: new Date().toISOString(),
      data: {
        incidents: INCIDENTS,
        open: OPEN,
        grids: database.seed.counts.comprehensiveGrids + database.seed.counts.dedicatedGrids,
      },
      viewport: '1920x1080',
      firstMeaningfulPaintMs: { cold: cold.firstMeaningfulPaint, warm: warm.firstMeaningfulPaint },
      marksMs: { cold, warm },
      loadPhaseLongTasks: {
        count: loadTasks.length,
        longestMs: round(loadTasks.reduce((m, t) => Math.max(m, t.duration), 0)),
      },
      underLoad: {
        targetEventsPerSecond: RATE,
        seconds: Math.round(load.seconds),
        events: load.events,
        eventsPerSecond,
        apiRequests: load.requests,
        apiErrors: load.errors,
        longestTaskMs: round(longest),
        tasksOver50ms: underLoad.length,
        longTasks: underLoad.map((t) => ({ atMs: round(t.start), ms: round(t.duration) })),
      },
      jsHeapMb: { before: heapBefore, after: heapAfter },
      pageErrors,
    };
    const results = join(__dirname, '..', 'results');
    mkdirSync(results, { recursive: true });
    writeFileSync(join(results, 'wall-latest.json'), JSON.stringify(result, null, 2));
    // The wall as the load left it, to look at: clusters, shading, feed and countdowns.
    await page.screenshot({ path: join(results, 'wall-latest.png') });
  } finally {
    await browser.close();
    await server?.stop();
    await database.drop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
