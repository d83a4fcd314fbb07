import { chromium, type Browser, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium fonts-noto-cjk)`);
  // SwiftShader gives WebGL without a GPU; ANGLE's default backend starts it fastest.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--enable-unsafe-swiftshader', '--no-sandbox'],
  });
}

/**
 * Runs in the page before its own scripts: the session the login would have stored, and a
 * PerformanceObserver collecting every main-thread task over 50 ms from the page's start.
 */
export function signInAndObserve(session: string): void {
  sessionStorage.setItem('whistle.session', session);
  const tasks: LongTask[] = [];
  (window as unknown as { __longTasks: LongTask[] }).__longTasks = tasks;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

export interface LongTask {
  start: number;
  duration: number;
}

export async function longTasks(page: Page): Promise<LongTask[]> {
  return page.evaluate(() => (window as unknown as { __longTasks: LongTask[] }).__longTasks.slice());
}

/** Used JS heap after a full garbage collection, in MB (what a wall left running for days keeps). */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return Math.round((usedSize / 2 ** 20) * 10) / 10;
}

export async function markTime(page: Page, name: string): Promise<number | null> {
  return page.evaluate((n) => performance.getEntriesByName(n)[0]?.startTime ?? null, name);
}

/**
 * Samples the page's main thread while `during` runs and returns where the time went (self time
 * per function, top entries) — `WALL_PROFILE=1 npm run bench:wall` prints it for the load phase.
 */
export async function profileTop<T>(
  page: Page,
  during: () => Promise<T>,
  top = 15,
): Promise<{ result: T; top: string[] }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  const result = await during();
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  });
  const lines = [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, ms]) => `${Math.round(ms)} ms  ${k}`);
  return { result, top: lines };
}
