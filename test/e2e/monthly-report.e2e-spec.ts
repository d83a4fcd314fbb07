/**
 * 月度考核 as a district leader uses it: from the cockpit's link to the report of the running
 * month, which holds the work done just now (a whistle to 市场监管局, which resolves it, and the
 * street rating it), then printed to an A4 PDF the way the browser's print would: no buttons,
 * no navigation, the tables whole. The PDF and a screenshot go to test/e2e/artifacts/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { MonthlyReport } from '@whistle/shared';
import { api, tokenFor } from './support/api';
import { launchChromium, newContext, signIn, watchForErrors } from './support/browser';
import { blowFuzimiaoWhistle, pointInStreet } from './support/whistles';

const ARTIFACTS = join(__dirname, 'artifacts');

// A browser and a real server on a shared machine: generous, not endless.
jest.setTimeout(180_000);

/** The month now in China time, YYYY-MM. */
const chinaMonth = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

/** Pages of a PDF: its page objects (`/Type /Page`, not the `/Pages` tree nodes). */
const pageCount = (pdf: Buffer) =>
  (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

describe('the monthly assessment report', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
    // This month's work: 市场监管局 accepts, arrives, resolves; the street verifies and rates it 4.
    const { dispatchOf } = await blowFuzimiaoWhistle('端到端测试：月度考核的占道经营', ['shichang']);
    const officer = await tokenFor('dept.shichang');
    const street = await tokenFor('street.fuzimiao');
    const id = dispatchOf('shichang');
    await api(officer, 'POST', `/dispatches/${id}/accept`);
    await api(officer, 'POST', `/dispatches/${id}/arrive`, {
      location: await pointInStreet(street, 'fuzimiao'),
    });
    await api(officer, 'POST', `/dispatches/${id}/resolve`, { note: '已劝离并清理' });
    await api(street, 'POST', `/dispatches/${id}/verify`, { passed: true, rating: 4 });
  });
  afterAll(async () => {
    await browser.close();
  });

  it('opens from the cockpit, shows the month’s figures and prints a clean A4 PDF', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const problems = watchForErrors(page);
    await signIn(page, 'district.leader', 'leaders');
    await page.getByTestId('monthly-report-link').click();
    await page.getByTestId('view-report').waitFor();
    // The report opens on the last complete month; the work above is in this one.
    const month = chinaMonth();
    // The figures the page draws are this answer's: other journeys share the database and may add
    // to this month while this one runs.
    const answer = page.waitForResponse(
      (r) => r.url().includes(`/api/reports/monthly?month=${month}`) && r.ok(),
    );
    await page.getByTestId('report-month').selectOption(month);
    const served = (await (await answer).json()) as MonthlyReport;
    const report = page.locator(`[data-testid="report"][data-month="${month}"]:not(.is-stale)`);
    await report.waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).searchParams.get('month')).toBe(month);

    const heading = await page.getByTestId('report-title').textContent();
    expect(heading).toMatch(/^秦淮区 \d{4}年\d{1,2}月 月度考核$/);
    expect(await page.getByTestId('report-generated').textContent()).toMatch(
      /^生成时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）$/,
    );
    // 市场监管局's line holds this journey's work (one dispatch at least, rated), drawn as served:
    // rank, name, dispatches, then response, arrival, resolution, re-open, rating.
    const line = served.departments.find((d) => d.nameZh === '市场监管局');
    if (!line) throw new Error('the report has no 市场监管局 line');
    expect(line.dispatches).toBeGreaterThanOrEqual(1);
    expect(line.ratings).toBeGreaterThanOrEqual(1);
    const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
    const row = page.locator('[data-testid="report-departments"] tbody tr', { hasText: '市场监管局' });
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(1, 8)).toEqual([
      '市场监管局',
      String(line.dispatches),
      percent(line.responseRate),
      percent(line.onTimeArrivalRate),
      percent(line.resolutionRate),
      percent(line.reopenRate),
      `${line.averageRating?.toFixed(2)} 分（${line.ratings} 条）`,
    ]);
    expect(await page.locator('[data-testid="report-streets"] tbody tr').count()).toBeGreaterThan(1);
    await page.screenshot({ path: join(ARTIFACTS, 'monthly-report-zh.png'), fullPage: true });

    // Print media: the sheet alone, no header bar and no buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('report-print').isVisible()).toBe(false);
    expect(await page.getByTestId('month-picker').isVisible()).toBe(false);
    expect(await page.locator('.view-header').isVisible()).toBe(false);
    expect(await page.locator('button:visible').count()).toBe(0);
    expect(await page.getByTestId('report-departments').isVisible()).toBe(true);
    const colors = await page.evaluate(() => {
      const style = getComputedStyle(document.querySelector('.report-table td') as Element);
      return { color: style.color, body: getComputedStyle(document.body).backgroundColor };
    });
    expect(colors).toEqual({ color: 'rgb(0, 0, 0)', body: 'rgb(255, 255, 255)' });

    const path = join(ARTIFACTS, 'monthly-report.pdf');
    await page.pdf({ path, format: 'A4', printBackground: true, preferCSSPageSize: true });
    const pdf = readFileSync(path);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pageCount(pdf);
    console.log(`monthly report: ${pages} A4 page(s), ${pdf.length} bytes`);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(3);
    expect(problems).toEqual([]);
    await context.close();
  });
});
