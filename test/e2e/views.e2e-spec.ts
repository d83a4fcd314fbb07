/**
 * Each role signs in through the login page and lands on its own view, with no console errors;
 * every view is saved as a screenshot (the wall in Chinese and English, at 1920×1080 and 3840×2160)
 * under test/e2e/artifacts/.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  baseUrl,
  CSP_VIOLATION,
  launchChromium,
  newContext,
  openView,
  signIn,
  watchForErrors,
} from './support/browser';
import { blowFuzimiaoWhistle } from './support/whistles';

const ARTIFACTS = join(__dirname, 'artifacts');

// A browser, a map in software WebGL and a real server on a shared machine: generous, not endless.
jest.setTimeout(180_000);

const ROLES = [
  { username: 'district.operator', view: 'desk' },
  { username: 'admin', view: 'admin' },
  { username: 'street.fuzimiao', view: 'street' },
  { username: 'dept.chengguan', view: 'duty' },
  { username: 'district.leader', view: 'leaders' },
  { username: 'grid.fuzimiao.01', view: 'grid' },
] as const;

/** The page fits its viewport: nothing to scroll, either way. */
async function scrollOverflow(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return { x: root.scrollWidth - window.innerWidth, y: root.scrollHeight - window.innerHeight };
  });
}

describe('each role sees its view', () => {
  let browser: Browser;
  /** A whistle whose departments have not arrived yet: its map marker pulses. */
  let waitingWhistleId: string;
  beforeAll(async () => {
    browser = await launchChromium();
    const { whistle } = await blowFuzimiaoWhistle('端到端测试：大屏闪烁的吹哨', ['chengguan']);
    waitingWhistleId = whistle.id;
  });
  afterAll(async () => {
    await browser.close();
  });

  it('serves the dashboard under its content security policy, and a violation fails a page', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const problems = watchForErrors(page);
    const response = await page.goto(`${baseUrl()}/login`);
    const policy = (await response?.allHeaders())?.['content-security-policy'] ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self'");
    expect(problems).toEqual([]);
    // An inline script, as an injection would add it: blocked, and reported as a problem (the
    // browser logs its own error beside the watcher's).
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.head.append(script);
    });
    const reported = () => problems.some((p) => p.includes(`${CSP_VIOLATION}: script-src-elem`));
    for (let i = 0; i < 50 && !reported(); i++) await page.waitForTimeout(100);
    expect(reported()).toBe(true);
    expect(await page.evaluate(() => 'injected' in window)).toBe(false);
    await context.close();
  });

  it.each(ROLES)('$username lands on view-$view', async ({ username, view }) => {
    const phone = view === 'grid';
    const context = await newContext(browser, phone ? { width: 390, height: 844 } : undefined);
    const page = await context.newPage();
    const problems = watchForErrors(page);
    await signIn(page, username, view);
    // The admin console opens on its first section (/admin/users).
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/${view}(/|$)`));
    if (view === 'leaders') {
      // The chart and heat map are lazy chunks: the screenshot waits until both have drawn. Not for
      // an idle network: the view refetches on live events, which the other browser test makes.
      await page.locator('[data-testid="trends-chart"] canvas').waitFor({ timeout: 60_000 });
      await page.locator('[data-testid="heat-map"][data-drawn]').waitFor({ timeout: 60_000 });
    } else {
      await page.waitForLoadState('networkidle');
    }
    await page.screenshot({ path: join(ARTIFACTS, `${view}-${username}.png`) });
    expect(problems).toEqual([]);
    await context.close();
  });

  it.each([
    { width: 1920, height: 1080 },
    { width: 3840, height: 2160 },
  ])('the wall fills $width×$height without scrolling, in Chinese and in English', async (size) => {
    const context = await newContext(browser, size);
    const page = await context.newPage();
    const problems = watchForErrors(page);
    await signIn(page, 'district.operator', 'desk');
    await openView(page, 'wall');
    await page.locator('[data-incidents-painted]').waitFor({ timeout: 60_000 });
    await page.locator('[data-grids-painted]').waitFor({ timeout: 60_000 });
    await page.getByTestId('kpi-open').waitFor();
    // The left column's 群众满意率, the right column's department ranking, and on the map the
    // waiting whistle's marker pulsing (its halo) while 城管局 has not arrived.
    await page.getByTestId('kpi-satisfaction').waitFor();
    await page.locator('[data-testid="wall-department-ranking"] li').first().waitFor();
    const marker = page.locator(`.map-overlay--whistles [data-whistle-id="${waitingWhistleId}"]`);
    await marker.waitFor({ state: 'attached', timeout: 30_000 });
    expect(await marker.getAttribute('data-pulsing')).toBe('true');
    const halo = page.locator(`.map-overlay--whistle-halos [data-whistle-id="${waitingWhistleId}"]`);
    expect(await halo.count()).toBe(1);
    const animation = await page
      .locator('.map-overlay--whistle-halos')
      .evaluate((layer) => getComputedStyle(layer).animationName);
    expect(animation).toBe('whistle-pulse');
    expect(await scrollOverflow(page)).toEqual({ x: 0, y: 0 });
    await expect(page.locator('h1').textContent()).resolves.toContain('街乡吹哨');
    await page.screenshot({ path: join(ARTIFACTS, `wall-zh-${size.width}x${size.height}.png`) });

    await page.getByTestId('language-toggle').click();
    await page.locator('h1', { hasText: 'Whistle' }).waitFor();
    // The map's street names follow the language once their tiles are laid out again.
    await page.locator('[data-label-language="en"]').waitFor({ timeout: 30_000 });
    expect(await scrollOverflow(page)).toEqual({ x: 0, y: 0 });
    await page.screenshot({ path: join(ARTIFACTS, `wall-en-${size.width}x${size.height}.png`) });

    // Full screen from the title bar's button, which hides while the wall is full screen.
    await page.getByTestId('wall-fullscreen').click();
    await page.waitForFunction(() => document.fullscreenElement !== null);
    await page.getByTestId('wall-fullscreen').waitFor({ state: 'detached' });
    expect(await scrollOverflow(page)).toEqual({ x: 0, y: 0 });
    await page.evaluate(() => document.exitFullscreen());
    await page.getByTestId('wall-fullscreen').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
