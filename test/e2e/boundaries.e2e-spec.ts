/**
 * The admin's imports, as a new admin would do them: a boundary file with an overlap is checked,
 * refused and the overlap shown on the map; a good one is checked, confirmed and imported; then a
 * 12345 batch file goes up with its progress bar and its row errors come down as a CSV.
 * Screenshots (zh-CN and English) under test/e2e/artifacts/.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, Polygon } from 'geojson';
import type { BrowserContext, Browser, Page } from 'playwright-core';
import type { BoundaryImportReport, GridBoundaryProperties } from '@whistle/shared';
import { api, tokenFor } from './support/api';
import { baseUrl, launchChromium, newContext, signIn, watchForErrors } from './support/browser';

const ARTIFACTS = join(__dirname, 'artifacts');
const FIXTURES = join(__dirname, '..', 'fixtures', 'boundaries');

jest.setTimeout(240_000);

type Grids = FeatureCollection<Polygon, GridBoundaryProperties>;

/** Through the side menu, as an admin finds the section. */
async function openSection(page: Page, menuItem: string, section: string, testId: string): Promise<void> {
  await page.getByRole('link', { name: menuItem }).click();
  await page.waitForURL(`${baseUrl()}/admin/${section}`);
  await page.getByTestId(testId).waitFor();
}

/** The report map has settled after the last fly-to (its data attributes are set on idle). */
async function mapSettled(page: Page): Promise<void> {
  await page.locator('[data-testid="boundary-map"][data-ready="true"]').waitFor({ timeout: 60_000 });
  await page.waitForFunction(
    () => {
      const el = document.querySelector<HTMLElement>('[data-testid="boundary-map"]');
      return el?.dataset.focus !== 'moving';
    },
    undefined,
    { timeout: 30_000 },
  );
  // One more idle after the move, so the drawn counts describe what is on screen.
  await page.waitForTimeout(500);
}

describe('admin imports', () => {
  let browser: Browser;
  let context: BrowserContext;
  let adminToken: string;
  beforeAll(async () => {
    browser = await launchChromium();
    adminToken = await tokenFor('admin');
  });
  afterAll(async () => {
    await browser.close();
  });

  it('refuses a boundary file with an overlap, showing it, and imports a good one', async () => {
    context = await newContext(browser);
    const page = await context.newPage();
    const problems = watchForErrors(page);
    const work = mkdtempSync(join(tmpdir(), 'whistle-boundaries-'));
    const stored = await api<Grids>(adminToken, 'GET', '/boundaries/grids');
    // A community of the last street: its grids go up again, one of them renamed.
    const target = stored.features[stored.features.length - 1];
    const siblings = stored.features.filter(
      (f) => f.properties.communityId === target.properties.communityId,
    );
    const originalName = target.properties.name;
    const renamed = `${originalName}（已复核）`;
    try {
      await signIn(page, 'admin', 'admin');
      await openSection(page, '街道 · 社区 · 网格', 'boundaries', 'boundaries-admin');
      await mapSettled(page);

      // 1. The sample street whose grids overlap in one row and leave a gap in the other.
      await page.getByTestId('boundary-file-streets').setInputFiles(join(FIXTURES, 'streets.geojson'));
      await page
        .getByTestId('boundary-file-communities')
        .setInputFiles(join(FIXTURES, 'communities.geojson'));
      await page.getByTestId('boundary-file-grids').setInputFiles(join(FIXTURES, 'grids-overlap.geojson'));
      await page.getByTestId('boundary-field-grids').getByText('4 个要素').waitFor();
      await page.getByTestId('boundary-check').click();
      const verdict = page.getByTestId('boundary-verdict');
      await verdict.and(page.locator('[data-ok="false"]')).waitFor();
      expect(await verdict.getByRole('alert').textContent()).toBe('发现 2 个问题，不能导入');
      expect(await page.getByTestId('boundary-import').count()).toBe(0);
      const rows = page.getByTestId('boundary-problem');
      expect(await rows.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.kind))).toEqual([
        'overlap',
        'gap',
      ]);
      const overlapRow = page.locator('[data-testid="boundary-problem"][data-kind="overlap"]');
      expect(await overlapRow.textContent()).toContain('FX-TEST-C01-G001 · FX-TEST-C01-G002');
      // Said in Chinese from the problem's code, not in the server's English.
      expect(await overlapRow.textContent()).toContain('FX-TEST-C01-G001 与 FX-TEST-C01-G002 重叠，位置约 (');
      await overlapRow.click();
      expect(await overlapRow.getAttribute('aria-pressed')).toBe('true');
      await mapSettled(page);
      const map = page.getByTestId('boundary-map');
      await page.waitForFunction(
        () =>
          Number(
            document.querySelector<HTMLElement>('[data-testid="boundary-map"]')?.dataset.overlapsDrawn,
          ) >= 1,
        undefined,
        { timeout: 30_000 },
      );
      expect(Number(await map.getAttribute('data-overlaps-drawn'))).toBe(1);
      await page.screenshot({ path: join(ARTIFACTS, 'admin-boundaries-overlap-zh.png') });
      // Refused: the sample street is not stored.
      const streets = await api<FeatureCollection>(adminToken, 'GET', '/boundaries/streets');
      expect(streets.features.some((f) => f.properties?.code === 'FX-TEST')).toBe(false);

      // 2. A good file: one community's grids as stored, one renamed.
      const goodFile = join(work, 'grids.geojson');
      writeFileSync(
        goodFile,
        JSON.stringify({
          type: 'FeatureCollection',
          features: siblings.map((f) =>
            f.properties.id === target.properties.id
              ? { ...f, properties: { ...f.properties, name: renamed } }
              : f,
          ),
        }),
      );
      await page.getByRole('button', { name: '清空' }).click();
      await page.getByTestId('boundary-file-grids').setInputFiles(goodFile);
      await page.getByTestId('boundary-field-grids').getByText(`${siblings.length} 个要素`).waitFor();
      await page.getByTestId('boundary-check').click();
      await verdict.and(page.locator('[data-ok="true"]')).waitFor();
      expect(await page.locator('.boundary-counts tr[data-layer="grids"] td').allTextContents()).toEqual([
        '0',
        '1',
        String(siblings.length - 1),
      ]);
      await page.getByTestId('boundary-import').click();
      await page.getByTestId('boundary-import-confirm').click();
      await verdict.and(page.locator('[data-applied="true"]')).waitFor();
      expect(await verdict.getByRole('status').textContent()).toMatch(
        /^导入完成已于 \d{4}-\d\d-\d\d \d\d:\d\d 导入：新增 0 项，更新 1 项。$/,
      );
      const after = await api<Grids>(adminToken, 'GET', '/boundaries/grids');
      expect(after.features.find((f) => f.properties.id === target.properties.id)?.properties.name).toBe(
        renamed,
      );
      await mapSettled(page);
      await page.screenshot({ path: join(ARTIFACTS, 'admin-boundaries-zh.png') });
      await page.getByTestId('language-toggle').click();
      await verdict.getByText('Imported', { exact: true }).waitFor();
      await page.screenshot({ path: join(ARTIFACTS, 'admin-boundaries-en.png') });
      await page.getByTestId('language-toggle').click();
      expect(problems).toEqual([]);
    } finally {
      // The other journeys share this district: the grid gets its own name back.
      const back = await api<BoundaryImportReport>(adminToken, 'POST', '/boundaries/import', {
        grids: { type: 'FeatureCollection', features: [target] },
      });
      expect(back.applied).toBe(true);
      rmSync(work, { recursive: true, force: true });
      await context.close();
    }
  });

  it('uploads a 12345 file with a progress bar, shows the report and downloads the row errors', async () => {
    context = await newContext(browser);
    const page = await context.newPage();
    const problems = watchForErrors(page);
    const work = mkdtempSync(join(tmpdir(), 'whistle-hotline-'));
    try {
      const orderNo = `E2E-${Date.now()}`;
      const csv = [
        '工单编号,受理时间,问题类型,诉求内容,经度,纬度,来电号码',
        `${orderNo}-1,2026-12-01 09:30:00,占道经营,夫子庙东市场门口占道摆摊,118.788,32.021,13800000001`,
        `${orderNo}-2,2026-12-01 10:00:00,不存在的分类,分类写错的工单,118.789,32.032,13800000002`,
        `${orderNo}-3,2026-12-01 11:00:00,环境卫生,区外的工单,118.60,31.90,13800000003`,
      ].join('\r\n');
      const file = join(work, '12345工单.csv');
      writeFileSync(file, `\uFEFF${csv}\r\n`);

      await signIn(page, 'admin', 'admin');
      await openSection(page, '12345 工单导入', 'hotline-import', 'hotline-import');
      await page.getByTestId('hotline-file').setInputFiles(file);
      await page.getByTestId('hotline-upload').click();
      const progress = page.locator('[data-testid="hotline-progress"][data-state="done"]');
      await progress.waitFor({ timeout: 60_000 });
      expect(await progress.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
      const report = page.getByTestId('hotline-report');
      await report.waitFor();
      const stat = async (key: string) =>
        (await page.getByTestId(`hotline-stat-${key}`).locator('dd').textContent())?.trim();
      expect(await stat('total')).toBe('3');
      expect(await stat('created')).toBe('1');
      expect(await stat('failed')).toBe('2');
      const errorRows = page.getByTestId('hotline-errors').locator('tbody tr');
      expect(await errorRows.count()).toBeGreaterThanOrEqual(2);
      expect(await report.textContent()).toMatch(/完成于 \d{4}-\d\d-\d\d \d\d:\d\d/);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('hotline-errors-download').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^12345导入错误_\d{4}-\d\d-\d\d\.csv$/);
      const saved = join(work, 'errors.csv');
      await download.saveAs(saved);
      const text = readFileSync(saved, 'utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const lines = text.slice(1).trim().split('\r\n');
      expect(lines[0]).toBe('行号,工单编号,字段,错误说明');
      // The errors in the UI language, from their codes.
      expect(lines.slice(1)).toContain(`2,${orderNo}-2,问题类型,“不存在的分类”不是已知的问题类型`);
      expect(lines.slice(1)).toContain(`3,${orderNo}-3,位置,"坐标 (118.6, 31.9) 不在本区任何网格内"`);

      await page.screenshot({ path: join(ARTIFACTS, 'admin-hotline-import-zh.png') });
      await page.getByTestId('language-toggle').click();
      await report.getByText('Import report').waitFor();
      await page.screenshot({ path: join(ARTIFACTS, 'admin-hotline-import-en.png') });
      await page.getByTestId('language-toggle').click();
      expect(problems).toEqual([]);
    } finally {
      rmSync(work, { recursive: true, force: true });
      await context.close();
    }
  });
});
